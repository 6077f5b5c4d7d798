function Enable-OrcCronTask {
    <#
    .SYNOPSIS
        Enables a task's crontab line (disabled lines stay, commented out with '#orchestrator-disabled# ').
    .DESCRIPTION
        Rewrites the task's tagged line in the crontab chosen by Get-OrcCronTarget with the
        disabled prefix removed; nothing else changes. A task without a line (no schedule)
        changes nothing and says so in a verbose message. Nothing is returned (like the Task
        Scheduler backend); Get-OrcCronTask shows the state.
    .PARAMETER Name
        The task name.
    .EXAMPLE
        Enable-OrcCronTask -Name hello
    .OUTPUTS
        None.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    Set-OrcCronTaskEnabled -Name $Name -Enabled $true
}
