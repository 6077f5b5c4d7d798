function Stop-OrcTask {
    <#
    .SYNOPSIS
        Stops the running instance of an Orchestrator task and its whole process tree.
    .DESCRIPTION
        Stop-OrcTask asks the running orc-exec to stop ('orc-exec stop <name>'): it kills the
        command's whole process tree, records the run as STOPPED (exit code 130) and sends its
        notification. Only when that fails (or with an older orc-exec without 'stop') does it ask
        the scheduler (Stop-ScheduledTask on \Orchestrator\Orc_<name>, or the cron backend's
        stop); the task's next run then closes a run left RUNNING. A task that does not exist is
        Orc.TaskNotFound; stopping a task that is not running does nothing and writes nothing.
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
            if (-not (Test-OrcTaskDefined -Name $taskName -StoreHome $storeHome)) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $taskName `
                            -Message "Task '$taskName' was not found. Get-OrcTask lists the tasks."))
                continue
            }
            if (Test-OrcExecCommand -Name 'stop') {
                # orc-exec stops its own run: it kills the command's tree and records STOPPED (exit 130).
                $stopped = Invoke-OrcExec -ArgumentList @('stop', $taskName) -StoreHome $storeHome
                if ($stopped.ExitCode -eq 0) {
                    Write-Verbose "orc-exec stopped the run of '$taskName'."
                    continue
                }
                Write-Verbose "orc-exec stop '$taskName' exited with $($stopped.ExitCode) ($($stopped.StdErr)); asking the scheduler."
            }
            $result = Invoke-OrcIsolated -Command 'Stop-OrcBackendTask' -Parameter @{ Name = $taskName; StoreHome = $storeHome }
            if ($result.Error) {
                $failure = $result.Error
                $id = 'Orc.SchedulerError'
                if ($failure.FullyQualifiedErrorId -like 'Orc.*') { $id = ($failure.FullyQualifiedErrorId -split ',')[0] }
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId $id -Category $failure.CategoryInfo.Category -TargetObject $taskName `
                            -Exception $failure.Exception -Message "Could not stop '$taskName': $($failure.Exception.Message)"))
                continue
            }
            if (@($result.Output) -contains $false) { Write-Verbose "Task '$taskName' was not running." }
        }
    }
}
