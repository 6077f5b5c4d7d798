function Start-OrcTask {
    <#
    .SYNOPSIS
        Starts a run of an Orchestrator task now, through Task Scheduler (or cron's runner), optionally waiting for its result.
    .DESCRIPTION
        Start-OrcTask asks the scheduler to run the task now (Start-ScheduledTask on
        \Orchestrator\Orc_<name>), so the run happens exactly as a scheduled one would: same
        account, same orc-exec, same dependency checks, retries and timeout. With -Wait it waits
        until the run's result appears in the history and returns it; a run still going after
        -TimeoutSec is an error (Orc.Timeout) but keeps running.
    .PARAMETER Name
        The tasks to start.
    .PARAMETER Wait
        Wait for the run to finish and return its result (Orchestrator.TaskResult).
    .PARAMETER TimeoutSec
        With -Wait: how long to wait, in seconds (default 3600).
    .PARAMETER WhatIf
        Shows what would be started without starting anything.
    .PARAMETER Confirm
        Asks for confirmation before each task is started.
    .EXAMPLE
        Start-OrcTask -Name db-export

        Starts db-export now and returns at once.
    .EXAMPLE
        Start-OrcTask -Name db-export -Wait -TimeoutSec 600 | Format-List

        Starts db-export and shows its result when it is done (within ten minutes).
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        Orchestrator.TaskResult with -Wait; nothing otherwise.
    .LINK
        Stop-OrcTask
    .LINK
        Get-OrcTaskHistory
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Orchestrator.TaskResult')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [switch] $Wait,

        [ValidateRange(1, 604800)]
        [int] $TimeoutSec = 3600
    )

    begin {
        $storeHome = Get-OrcStoreHome
    }

    process {
        foreach ($taskName in $Name) {
            if (-not $PSCmdlet.ShouldProcess($taskName, 'Start Orchestrator task')) {
                continue
            }
            if (-not (Test-OrcTaskDefined -Name $taskName -StoreHome $storeHome)) {
                # Fail now: a run of a missing task never records a result, so -Wait would wait it out.
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $taskName `
                            -Message "Task '$taskName' was not found. Get-OrcTask lists the tasks; Register-OrcTask creates one."))
                continue
            }
            $since = [System.DateTimeOffset]::UtcNow.AddSeconds(-1)
            $started = Invoke-OrcIsolated -Command 'Start-OrcBackendTask' -Parameter @{ Name = $taskName; StoreHome = $storeHome }
            if ($started.Error) {
                $failure = $started.Error
                $id = 'Orc.SchedulerError'
                if ($failure.FullyQualifiedErrorId -like 'Orc.*') { $id = ($failure.FullyQualifiedErrorId -split ',')[0] }
                # Access denied already says how to fix it; asking whether the task is registered would mislead.
                $hint = " Is it registered? Get-OrcTask -Name $taskName shows its state."
                if ($id -eq 'Orc.AccessDenied') { $hint = '' }
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId $id -Category $failure.CategoryInfo.Category -TargetObject $taskName `
                            -Exception $failure.Exception -Message "Could not start '$taskName': $($failure.Exception.Message)$hint"))
                continue
            }
            if (-not $Wait) {
                continue
            }
            $result = Wait-OrcTaskResult -Name $taskName -Since $since -TimeoutSec $TimeoutSec -StoreHome $storeHome
            if ($result) {
                $result
                continue
            }
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.Timeout' -Category OperationTimeout -TargetObject $taskName `
                        -Message "The run of '$taskName' did not finish within $TimeoutSec seconds; it keeps running. Get-OrcTaskHistory -Name $taskName shows it when it is done."))
        }
    }
}
