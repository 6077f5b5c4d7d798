function Get-OrcCronTaskLine {
    <#
    .SYNOPSIS
        The crontab line the cron backend writes for a definition, or $null when it gets none (no schedule).
    .DESCRIPTION
        One place decides the line, so that Register-OrcCronTask writes exactly what Sync-OrcTask and
        Test-OrcTaskState expect to find: a registration whose line differs (a hand edit, another
        schedule, disabled) is then a difference, without a write to find out.
    .PARAMETER Definition
        The task definition (hashtable or object) with at least name; schedule and enabled are read.
    .PARAMETER ExecPath
        The orc-exec binary cron starts.
    .PARAMETER StoreHome
        The store folder cron passes as --home.
    .PARAMETER Target
        The crontab (Get-OrcCronTarget); default the current one.
    .EXAMPLE
        Get-OrcCronTaskLine -Definition @{ name = 'hello'; schedule = @{ cron = '*/5 * * * *' } } -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator
    .OUTPUTS
        System.Management.Automation.PSCustomObject with Line (string or $null) and Schedule (ConvertTo-OrcCronSchedule's result).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Definition,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [Parameter(Mandatory)]
        [string] $StoreHome,

        [object] $Target
    )

    $name = [string](Get-OrcCronProperty -InputObject $Definition -Name 'name')
    if (-not $name) {
        throw (New-OrcErrorRecord -Category InvalidArgument -ErrorId 'Orc.InvalidDefinition' -TargetObject $Definition -Message 'The definition has no name.')
    }
    if ($null -eq $Target) { $Target = Get-OrcCronTarget }
    $enabled = Get-OrcCronProperty -InputObject $Definition -Name 'enabled'
    $schedule = ConvertTo-OrcCronSchedule -Schedule (Get-OrcCronProperty -InputObject $Definition -Name 'schedule') -Name $name
    if ($null -eq $schedule) { return [pscustomobject]@{ Name = $name; Line = $null; Schedule = $null } }
    $lineArgs = @{
        Name         = $name
        Schedule     = $schedule.Expression
        ExecPath     = $ExecPath
        StoreHome    = $StoreHome
        DelaySeconds = $schedule.DelaySeconds
        Gated        = [bool]$schedule.Gated
        Disabled     = ($null -ne $enabled -and -not [bool]$enabled)
    }
    if ($Target.Format -eq 'System') { $lineArgs.User = $Target.User }
    [pscustomobject]@{ Name = $name; Line = (ConvertTo-OrcCronLine @lineArgs); Schedule = $schedule }
}
