function Get-OrcCronTask {
    <#
    .SYNOPSIS
        Lists the tasks that have a line in the crontab, with their schedule and state.
    .DESCRIPTION
        Reads the crontab chosen by Get-OrcCronTarget and returns one object per Orchestrator line
        (see ConvertFrom-OrcCronLine); foreign lines are ignored. -Name filters by task name and
        accepts wildcards.
    .PARAMETER Name
        Task names or wildcard patterns; all tasks when omitted.
    .EXAMPLE
        Get-OrcCronTask -Name 'db-*'
    .OUTPUTS
        Orchestrator.CronTask objects: Name, Enabled, Schedule, ExecPath, Line (plus User, DelaySeconds, StoreHome, Target).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string[]] $Name
    )

    $target = Get-OrcCronTarget
    $latin1 = [System.Text.Encoding]::GetEncoding(28591)
    $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $text = Read-OrcCronTable -Target $target
    # Decoded as UTF-8 and parsed in one pipeline: one ConvertFrom-OrcCronLine call for the whole
    # crontab, not one per line (the per-call cost dominated Get-OrcTask at 1,000 tasks).
    $segments = foreach ($segment in [regex]::Split($text, '(?<=\n)')) {
        if ($segment.Length -gt 0) { $utf8.GetString($latin1.GetBytes($segment)) }
    }
    foreach ($entry in @($segments | ConvertFrom-OrcCronLine)) {
        if (-not $entry) { continue }
        if ($Name) {
            $match = $false
            foreach ($pattern in $Name) { if ($entry.Name -like $pattern) { $match = $true } }
            if (-not $match) { continue }
        }
        # Neither Add-Member nor New-Object: a cmdlet call per line was a measurable part of Get-OrcTask at 1,000 tasks.
        $entry.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('Target', $target.Description))
        $entry
    }
}
