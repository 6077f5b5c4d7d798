function ConvertFrom-OrcCronLine {
    <#
    .SYNOPSIS
        Parses a crontab line written by ConvertTo-OrcCronLine; $null for any other line.
    .DESCRIPTION
        A line is Orchestrator's when it ends with the tag '# orchestrator:task=<name>' (a trailing
        CR or LF is ignored). Its parts (schedule, user, delay, orc-exec path, store, --cron-gate) are read back
        best effort: a tagged line someone edited by hand still comes back, with $null for the parts
        that no longer parse, so that it can be replaced or removed.
    .PARAMETER Line
        One crontab line, with or without its terminator.
    .EXAMPLE
        ConvertFrom-OrcCronLine -Line "* * * * * '/bin/orc-exec' run t --home '/s' >/dev/null 2>&1 # orchestrator:task=t"
    .OUTPUTS
        System.Management.Automation.PSCustomObject (Name, Enabled, Schedule, Gated, User, DelaySeconds, ExecPath, StoreHome, Line), or $null.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [AllowEmptyString()]
        [string] $Line
    )

    begin {
        $q = "'(?:[^']|'\\'')*'"
        $pattern = '^(?<when>@[a-z]+|\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(?:(?<user>(?!sleep\s)[^\s'']+)\s+)?' +
        '(?:sleep\s+(?<delay>\d+)\s+&&\s+)?(?<exec>' + $q + ')\s+run\s+(?<run>\S+)\s+--home\s+(?<home>' + $q + ')(?<gate>\s+--cron-gate)?\s'
        $lineRegex = New-Object -TypeName System.Text.RegularExpressions.Regex -ArgumentList $pattern
        $tagRegex = New-Object -TypeName System.Text.RegularExpressions.Regex -ArgumentList '\s# orchestrator:task=(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*\z'
    }

    process {
        $text = $Line -replace '\r?\n\z', ''
        $text = $text -replace '\r\z', ''
        $tag = $tagRegex.Match($text)
        if (-not $tag.Success) {
            return
        }
        $name = $tag.Groups['name'].Value
        $enabled = $true
        $body = $text
        if ($body.StartsWith('#orchestrator-disabled# ')) {
            $enabled = $false
            $body = $body.Substring('#orchestrator-disabled# '.Length)
        }
        elseif ($body.StartsWith('#')) {
            # Commented out by hand, not by us: still ours, and off.
            $enabled = $false
            $body = $body.TrimStart('#', ' ')
        }
        $m = $lineRegex.Match($body)
        $schedule = $null; $user = $null; $delay = 0; $exec = $null; $storeHome = $null; $gated = $false
        if ($m.Success -and $m.Groups['run'].Value -eq $name) {
            $schedule = $m.Groups['when'].Value -replace '\s+', ' '
            if ($m.Groups['user'].Success) { $user = $m.Groups['user'].Value }
            if ($m.Groups['delay'].Success) { $delay = [int]$m.Groups['delay'].Value }
            # Unquote: cron's \% back to %, the shell's '\'' back to ' (string methods, not a
            # scriptblock: this runs for every line of the crontab).
            $exec = $m.Groups['exec'].Value.Replace('\%', '%')
            $exec = $exec.Substring(1, $exec.Length - 2).Replace("'\''", "'")
            $storeHome = $m.Groups['home'].Value.Replace('\%', '%')
            $storeHome = $storeHome.Substring(1, $storeHome.Length - 2).Replace("'\''", "'")
            $gated = $m.Groups['gate'].Success
        }

        [pscustomobject]@{
            PSTypeName   = 'Orchestrator.CronTask'
            Name         = $name
            Enabled      = $enabled
            Schedule     = $schedule
            Gated        = $gated
            User         = $user
            DelaySeconds = $delay
            ExecPath     = $exec
            StoreHome    = $storeHome
            Line         = $text
        }
    }
}
