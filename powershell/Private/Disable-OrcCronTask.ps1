function Disable-OrcCronTask {
    <#
    .SYNOPSIS
        Disables a task's crontab line (disabled lines stay, commented out with '#orchestrator-disabled# ').
    .DESCRIPTION
        Rewrites the task's tagged line in the crontab chosen by Get-OrcCronTarget with the
        disabled prefix added; nothing else changes. A task without a line (no schedule)
        changes nothing and says so in a verbose message. Nothing is returned (like the Task
        Scheduler backend); Get-OrcCronTask shows the state.
    .PARAMETER Name
        The task name.
    .EXAMPLE
        Disable-OrcCronTask -Name hello
    .OUTPUTS
        None.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $target = Get-OrcCronTarget
    $entry = @(Get-OrcCronTask -Name ([System.Management.Automation.WildcardPattern]::Escape($Name)))
    if ($entry.Count -eq 0) {
        Write-Verbose "Task '$Name' has no line in $($target.Description) (it has no schedule): nothing to change."
        return
    }
    $line = $entry[0].Line
    if ($line.StartsWith('#orchestrator-disabled# ')) { $line = $line.Substring('#orchestrator-disabled# '.Length) }
    elseif ($line.StartsWith('#')) { $line = $line.TrimStart('#', ' ') }
    $line = '#orchestrator-disabled# ' + $line
    $changed = Set-OrcCronTableEntry -Target $target -Name $Name -Line $line
    Write-Verbose "Task '$Name' disabled in $($target.Description) (changed: $changed)."
}
