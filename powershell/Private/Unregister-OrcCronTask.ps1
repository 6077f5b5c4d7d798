function Unregister-OrcCronTask {
    <#
    .SYNOPSIS
        Removes a task's crontab line(s); every other line stays byte for byte.
    .DESCRIPTION
        Removes the enabled or disabled line tagged with the task's name from the crontab chosen by
        Get-OrcCronTarget. Returns $true when a line was removed, $false when the task had none
        (an on-demand task, or one already removed).
    .PARAMETER Name
        The task name.
    .EXAMPLE
        Unregister-OrcCronTask -Name hello
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    $target = Get-OrcCronTarget
    $removed = Set-OrcCronTableEntry -Target $target -Name $Name -Line $null
    if (-not $removed) { Write-Verbose "Task '$Name' has no line in $($target.Description)." }
    return $removed
}
