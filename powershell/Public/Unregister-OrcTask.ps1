function Unregister-OrcTask {
    <#
    .SYNOPSIS
        Removes an Orchestrator task: its scheduler registration and its definition.
    .DESCRIPTION
        Unregister-OrcTask deletes \Orchestrator\Orc_<name> from Task Scheduler (or the crontab
        line) and the definition file from the store. The task's history, run output and logs stay,
        so Get-OrcTaskHistory still shows its past runs. It asks for confirmation unless -Force or
        -Confirm:$false is given. A name that is neither registered nor defined is an error
        (Orc.TaskNotFound).
    .PARAMETER Name
        The task to remove (no wildcards: removal is explicit).
    .PARAMETER Force
        Do not ask for confirmation.
    .PARAMETER WhatIf
        Shows what would be removed without removing anything.
    .PARAMETER Confirm
        Asks for confirmation before each task is removed (the default for this cmdlet).
    .EXAMPLE
        Unregister-OrcTask -Name db-export

        Asks, then removes the task db-export.
    .EXAMPLE
        Get-OrcTask -Name test-* | Unregister-OrcTask -Force

        Removes every task whose name starts with test- without asking.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        None
    .LINK
        Register-OrcTask
    .LINK
        Get-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [switch] $Force
    )

    begin {
        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) {
            $ConfirmPreference = 'None'
        }
        $storeHome = Get-OrcStoreHome
    }

    process {
        foreach ($taskName in $Name) {
            if (-not $PSCmdlet.ShouldProcess($taskName, 'Unregister Orchestrator task and delete its definition')) {
                continue
            }
            # Isolated, so that one failure is one record in the caller's -ErrorVariable.
            $backendResult = Invoke-OrcIsolated -Command 'Unregister-OrcBackendTask' -Parameter @{ Name = $taskName }
            if ($backendResult.Error) {
                $failure = $backendResult.Error
                $id = 'Orc.SchedulerError'
                # Denied is not a scheduler fault: its own ID tells the caller to elevate.
                if ($failure.FullyQualifiedErrorId -like 'Orc.AccessDenied*') { $id = 'Orc.AccessDenied' }
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId $id -Category $failure.CategoryInfo.Category -TargetObject $taskName `
                            -Exception $failure.Exception -Message "Removing the registration of '$taskName' failed: $($failure.Exception.Message) The definition was kept."))
                continue
            }
            $unregistered = @($backendResult.Output) | Select-Object -Last 1
            $undefined = Invoke-OrcExec -ArgumentList @('undefine', $taskName) -StoreHome $storeHome
            if ($undefined.ExitCode -ne 0) {
                $PSCmdlet.WriteError((ConvertTo-OrcErrorRecord -Result $undefined -TargetObject $taskName))
                continue
            }
            $report = @($undefined.Records | Where-Object { $_.schema -eq 'orc.undefine/v1' }) | Select-Object -First 1
            $removed = $report -and $report.removed
            if (-not $unregistered -and -not $removed) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $taskName `
                            -Message "Task '$taskName' is neither registered nor defined. Get-OrcTask lists the tasks."))
                continue
            }
            Write-Verbose "Task '$taskName' removed (registration: $unregistered, definition: $removed)."
        }
    }
}
