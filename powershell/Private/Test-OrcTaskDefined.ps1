function Test-OrcTaskDefined {
    <#
    .SYNOPSIS
        Tells whether the store holds a definition for a task (tasks/<name>.json), without starting orc-exec.
    .PARAMETER Name
        The task.
    .PARAMETER StoreHome
        The store.
    .EXAMPLE
        Test-OrcTaskDefined -Name db-export -StoreHome (Get-OrcStoreHome)
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    if ($Name -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') { return $false }
    Test-Path -LiteralPath (Join-Path (Join-Path $StoreHome 'tasks') "$Name.json") -PathType Leaf
}
