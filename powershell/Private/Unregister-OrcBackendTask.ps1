function Unregister-OrcBackendTask {
    <#
    .SYNOPSIS
        Removes a task's registration from the platform scheduler; returns whether one was removed.
    .PARAMETER Name
        The task name.
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    if (Test-OrcWindows) {
        return [bool](Unregister-OrcScheduledTask -Name $Name)
    }
    return [bool](Unregister-OrcCronTask -Name $Name)
}
