function New-OrcSyncResult {
    <#
    .SYNOPSIS
        One Orchestrator.SyncResult: what Sync-OrcTask did with one task.
    .PARAMETER State
        The task's Compare-OrcTaskState result.
    .PARAMETER Action
        Added, Updated, Unchanged, Removed or Failed.
    .PARAMETER Reason
        Why, in a sentence.
    .EXAMPLE
        New-OrcSyncResult -State $state -Action Unchanged -Reason 'Registered as defined.'
    .OUTPUTS
        Orchestrator.SyncResult
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.SyncResult')]
    param(
        [Parameter(Mandatory)]
        [object] $State,

        [Parameter(Mandatory)]
        [ValidateSet('Added', 'Updated', 'Unchanged', 'Removed', 'Failed')]
        [string] $Action,

        [string] $Reason
    )
    [pscustomobject]@{
        PSTypeName  = 'Orchestrator.SyncResult'
        Name        = $State.Name
        Action      = $Action
        Reason      = $Reason
        Path        = $State.Path
        Differences = $State.Differences
    }
}
