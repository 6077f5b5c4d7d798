function ConvertTo-OrcCronLine {
    <#
    .SYNOPSIS
        Builds the crontab line that runs one task, in the one format the cron backend owns.
    .DESCRIPTION
        The format (docs/cron-backend.md), without a line terminator:

          <when> [<user>] [sleep <s> && ]'<exec>' run <name> --home '<store>' [--cron-gate ]>/dev/null 2>&1 # orchestrator:task=<name>

        <user> is present only in the system format (/etc/cron.d). Paths are single-quoted for sh
        (a ' becomes '\''), and every % is written \% because cron turns a bare % into a newline.
        A disabled task keeps its line behind the prefix '#orchestrator-disabled# '. The trailing
        tag is what marks a line as Orchestrator's: no other line is ever touched.
    .PARAMETER Name
        The task name (A-Z a-z 0-9 . _ -).
    .PARAMETER Schedule
        The cron time specification: five fields or an @keyword.
    .PARAMETER ExecPath
        The orc-exec binary; made absolute because cron's PATH is minimal.
    .PARAMETER StoreHome
        The store folder passed as --home.
    .PARAMETER User
        The user field of the system format; omit it for a user crontab.
    .PARAMETER DelaySeconds
        Seconds to sleep before the run (startup delay).
    .PARAMETER Gated
        Append --cron-gate to the orc-exec arguments: the schedule is served by orc-exec's cron gate
        (Schedule is then '* * * * *'; see ConvertTo-OrcCronSchedule).
    .PARAMETER Disabled
        Write the line commented out with the disabled prefix.
    .EXAMPLE
        ConvertTo-OrcCronLine -Name hello -Schedule '*/5 * * * *' -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidatePattern('^(@[a-z]+|\S+( \S+){4})$')]
        [string] $Schedule,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [Parameter(Mandatory)]
        [string] $StoreHome,

        [ValidatePattern('^[A-Za-z0-9._][A-Za-z0-9._-]*$')]
        [string] $User,

        [ValidateRange(0, 86400)]
        [int] $DelaySeconds = 0,

        [switch] $Gated,

        [switch] $Disabled
    )

    $quote = {
        param([string] $Value, [string] $What)
        if ($Value -match '[\r\n\0]') {
            throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.InvalidCronPath' -TargetObject $Value -Message (
                    "The $What '$Value' contains a line break or NUL, which a crontab line cannot hold. Use a path without them."))
        }
        $q = "'" + ($Value -replace "'", "'\''") + "'"
        $q -replace '%', '\%'
    }

    $exec = & $quote ([System.IO.Path]::GetFullPath($ExecPath)) 'orc-exec path'
    $store = & $quote ([System.IO.Path]::GetFullPath($StoreHome)) 'store folder'
    $parts = @($Schedule)
    if ($User) { $parts += $User }
    if ($DelaySeconds -gt 0) { $parts += "sleep $DelaySeconds &&" }
    $gate = ''
    if ($Gated) { $gate = ' --cron-gate' }
    $parts += "$exec run $Name --home $store$gate >/dev/null 2>&1 # orchestrator:task=$Name"
    $line = $parts -join ' '
    if ($Disabled) {
        $line = '#orchestrator-disabled# ' + $line
    }
    return $line
}
