function Set-OrcCronTableEntry {
    <#
    .SYNOPSIS
        Puts, replaces or removes the crontab line of one task, leaving every other line byte for byte.
    .DESCRIPTION
        Reads the target, splits it into lines that keep their own terminators (LF, CRLF or none),
        and finds the task's line by its tag (ConvertFrom-OrcCronLine). With -Line, the first line
        of the task is replaced in place (duplicates go); a new task's line goes after the last
        Orchestrator line, or at the very top when there is none: the top keeps a foreign last
        line without a newline intact and keeps our lines clear of foreign VAR=value lines.
        Without -Line the task's lines are removed. The target is written, in one operation, only
        when its content changed.
    .PARAMETER Target
        The object from Get-OrcCronTarget.
    .PARAMETER Name
        The task name.
    .PARAMETER Line
        The task's new line, without terminator; $null or empty removes the task's lines.
    .EXAMPLE
        Set-OrcCronTableEntry -Target (Get-OrcCronTarget) -Name hello -Line $line
    .OUTPUTS
        System.Boolean: $true when the crontab changed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Target,

        [Parameter(Mandatory)]
        [string] $Name,

        [AllowNull()]
        [AllowEmptyString()]
        [string] $Line
    )

    $latin1 = [System.Text.Encoding]::GetEncoding(28591)
    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $old = Read-OrcCronTable -Target $Target
    $segments = New-Object -TypeName 'System.Collections.Generic.List[string]'
    foreach ($s in [regex]::Split($old, '(?<=\n)')) {
        if ($s.Length -gt 0) { $segments.Add($s) }
    }

    $mine = New-Object -TypeName 'System.Collections.Generic.List[int]'
    $lastOurs = -1
    for ($i = 0; $i -lt $segments.Count; $i++) {
        $entry = ConvertFrom-OrcCronLine -Line $utf8.GetString($latin1.GetBytes($segments[$i]))
        if ($entry) {
            $lastOurs = $i
            if ($entry.Name -eq $Name) { $mine.Add($i) }
        }
    }

    if ($Line) {
        $newText = $latin1.GetString($utf8.GetBytes($Line))
        if ($mine.Count -gt 0) {
            $first = $mine[0]
            $eol = "`n"
            if ($segments[$first].EndsWith("`r`n")) { $eol = "`r`n" }
            $segments[$first] = $newText + $eol
            for ($k = $mine.Count - 1; $k -ge 1; $k--) { $segments.RemoveAt($mine[$k]) }
        }
        else {
            $at = $lastOurs + 1
            if ($lastOurs -ge 0 -and -not $segments[$lastOurs].EndsWith("`n")) {
                $segments[$lastOurs] += "`n"
            }
            $segments.Insert($at, $newText + "`n")
        }
    }
    else {
        for ($k = $mine.Count - 1; $k -ge 0; $k--) { $segments.RemoveAt($mine[$k]) }
    }

    $new = [string]::Concat($segments)
    if ([string]::Equals($new, $old, [System.StringComparison]::Ordinal)) {
        return $false
    }
    Write-OrcCronTable -Target $Target -Content $new
    return $true
}
