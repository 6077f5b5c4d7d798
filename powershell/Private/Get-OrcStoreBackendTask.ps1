function Get-OrcStoreBackendTask {
    <#
    .SYNOPSIS
        Lists the scheduler entries that belong to one store: every Orc_* task in \Orchestrator\, or
        the tagged crontab lines whose --home is that store.
    .DESCRIPTION
        Cleanup and uninstall remove what this returns, so it is narrow on purpose: a crontab line
        of another store (another ORC_HOME on the same machine) or one whose store cannot be read
        from the line is not ours to remove. Task Scheduler has one \Orchestrator\ folder per
        machine, which Get-OrcBackendTask already limits to the Orc_ prefix.
    .PARAMETER StoreHome
        The store; default Get-OrcStoreHome.
    .EXAMPLE
        Get-OrcStoreBackendTask -StoreHome /var/lib/orchestrator
    .OUTPUTS
        [pscustomobject] as Get-OrcBackendTask.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $StoreHome
    )

    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    $separators = [char[]]@([System.IO.Path]::DirectorySeparatorChar, [System.IO.Path]::AltDirectorySeparatorChar)
    $mine = [System.IO.Path]::GetFullPath($StoreHome).TrimEnd($separators)
    foreach ($task in @(Get-OrcBackendTask)) {
        if ($null -eq $task) { continue }
        if ($task.Backend -eq 'Cron') {
            $lineHome = $task.Source.StoreHome
            if (-not $lineHome) { continue }
            $comparison = [System.StringComparison]::Ordinal
            if (-not [System.IO.Path]::GetFullPath($lineHome).TrimEnd($separators).Equals($mine, $comparison)) { continue }
        }
        $task
    }
}
