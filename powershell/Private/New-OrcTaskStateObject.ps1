function New-OrcTaskStateObject {
    <#
    .SYNOPSIS
        One result of Compare-OrcTaskState.
    .PARAMETER Name
        The task name.
    .PARAMETER State
        Compliant, Missing, Different, Invalid or Extra.
    .PARAMETER Reason
        Why, in a sentence.
    .PARAMETER File
        The definition file (none for Extra).
    .PARAMETER StoreState
        How the store's definition compares: same, different, missing (extra for Extra).
    .PARAMETER Definition
        The file's definition after defaults, as orc-exec printed it.
    .PARAMETER Differences
        The parts that differ.
    .PARAMETER Registered
        Whether the scheduler has the task.
    .EXAMPLE
        New-OrcTaskStateObject -Name db-export -State Compliant -Reason 'Registered as defined.'
    .OUTPUTS
        [pscustomobject]
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $Name,
        [string] $State,
        [string] $Reason,
        [string] $File,
        [string] $StoreState,
        [object] $Definition,
        [string[]] $Differences = @(),
        [bool] $Registered = $false
    )
    [pscustomobject]@{
        Name        = $Name
        State       = $State
        Reason      = $Reason
        Path        = $File
        Differences = [string[]]$Differences
        StoreState  = $StoreState
        Registered  = $Registered
        Definition  = $Definition
    }
}
