function Stop-OrcTask {
    <#
    .SYNOPSIS
        Stops the running instance of an Orchestrator task and its whole process tree.
    .DESCRIPTION
        Stop-OrcTask asks the scheduler to stop the task (Stop-ScheduledTask on
        \Orchestrator\Orc_<name>, or the cron backend's stop). orc-exec then kills the command's
        whole process tree and records the run as STOPPED (exit code 130).
    .PARAMETER Name
        The tasks to stop.
    .PARAMETER WhatIf
        Shows what would be stopped without stopping anything.
    .PARAMETER Confirm
        Asks for confirmation before each task is stopped.
    .EXAMPLE
        Stop-OrcTask -Name db-export

        Stops the running db-export and everything it started.
    .EXAMPLE
        Get-OrcTask | Where-Object State -eq 'Running' | Stop-OrcTask -Confirm:$false

        Stops every running task without asking.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        None
    .LINK
        Start-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name
    )

    begin {
        $storeHome = Get-OrcStoreHome
    }

    process {
        foreach ($taskName in $Name) {
            if (-not $PSCmdlet.ShouldProcess($taskName, 'Stop Orchestrator task')) {
                continue
            }
            try {
                Stop-OrcBackendTask -Name $taskName -StoreHome $storeHome
            }
            catch {
                $id = 'Orc.SchedulerError'
                if ($_.FullyQualifiedErrorId -like 'Orc.*') { $id = ($_.FullyQualifiedErrorId -split ',')[0] }
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId $id -Category $_.CategoryInfo.Category -TargetObject $taskName `
                            -Exception $_.Exception -Message "Could not stop '$taskName': $($_.Exception.Message)"))
            }
        }
    }
}
