function Set-OrcCronTaskEnabled {
    <#
    .SYNOPSIS
        Enables or disables a task's crontab line: the one body behind Enable-/Disable-OrcCronTask.
    .DESCRIPTION
        Rewrites the task's tagged line in the crontab chosen by Get-OrcCronTarget, with the
        '#orchestrator-disabled# ' prefix removed (enable) or added (disable); nothing else
        changes. A task without a line (no schedule) changes nothing and says so in a verbose
        message. Nothing is returned (like the Task Scheduler backend).
    .PARAMETER Name
        The task name.
    .PARAMETER Enabled
        $true to enable the line, $false to disable it.
    .EXAMPLE
        Set-OrcCronTaskEnabled -Name hello -Enabled $false
    .OUTPUTS
        None.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [bool] $Enabled
    )

    $prefix = '#orchestrator-disabled# '
    $target = Get-OrcCronTarget
    $entry = @(Get-OrcCronTask -Name ([System.Management.Automation.WildcardPattern]::Escape($Name)))
    if ($entry.Count -eq 0) {
        Write-Verbose "Task '$Name' has no line in $($target.Description) (it has no schedule): nothing to change."
        return
    }
    $line = $entry[0].Line
    if ($line.StartsWith($prefix)) { $line = $line.Substring($prefix.Length) }
    elseif ($line.StartsWith('#')) { $line = $line.TrimStart('#', ' ') }
    if (-not $Enabled) { $line = $prefix + $line }
    $changed = Set-OrcCronTableEntry -Target $target -Name $Name -Line $line
    $state = if ($Enabled) { 'enabled' } else { 'disabled' }
    Write-Verbose "Task '$Name' $state in $($target.Description) (changed: $changed)."
}
