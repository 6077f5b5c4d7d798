function Remove-OrcScheduledTaskFolder {
    <#
    .SYNOPSIS
        Windows backend: deletes the \Orchestrator\ Task Scheduler folder when no task is left in it.
    .DESCRIPTION
        The ScheduledTasks module has no cmdlet for folders, so this goes through the Task Scheduler
        COM API (Schedule.Service), which refuses to delete a folder that still holds tasks or
        subfolders: a task someone else put there keeps the folder. Returns $true when the folder
        was deleted, $false when it was not there or is not empty.
    .EXAMPLE
        Remove-OrcScheduledTaskFolder
    .OUTPUTS
        System.Boolean
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()

    $service = New-Object -ComObject 'Schedule.Service'
    $service.Connect()
    $root = $service.GetFolder('\')
    $folder = $null
    try { $folder = $root.GetFolder('Orchestrator') } catch { return $false }
    if ($folder.GetTasks(1).Count -gt 0 -or $folder.GetFolders(0).Count -gt 0) {
        Write-Verbose 'The \Orchestrator\ folder still holds tasks or folders: it stays.'
        return $false
    }
    $root.DeleteFolder('Orchestrator', 0)
    return $true
}
