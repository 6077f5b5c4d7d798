function Enable-OrcTask {
    <#
    .SYNOPSIS
        Enables an Orchestrator task, so that its triggers run it again.
    .DESCRIPTION
        Enable-OrcTask sets the definition's "enabled" field to true (orc-exec runs it again at its triggers) and
        enables the task's registration in Task Scheduler (or the crontab line), so that both
        agree. A task that is registered but has no definition is enabled in the scheduler only.
    .PARAMETER Name
        The tasks to enable; wildcards are accepted.
    .PARAMETER PassThru
        Return the task (Orchestrator.Task) afterwards.
    .PARAMETER WhatIf
        Shows what would change without changing anything.
    .PARAMETER Confirm
        Asks for confirmation before each task is changed.
    .EXAMPLE
        Enable-OrcTask -Name db-export

        Enables db-export.
    .EXAMPLE
        Get-OrcTask -Name report-* | Enable-OrcTask -PassThru

        Enables every report task and shows them.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        Orchestrator.Task with -PassThru; nothing otherwise.
    .LINK
        Disable-OrcTask
    .LINK
        Get-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Orchestrator.Task')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [switch] $PassThru
    )

    begin {
        $storeHome = Get-OrcStoreHome
        $names = New-Object -TypeName System.Collections.Generic.List[string]
    }

    process {
        # Collected, so the whole pipeline costs one scheduler listing (two with -PassThru),
        # not one per task per task: Get-OrcTask | Enable-OrcTask stays linear.
        foreach ($pattern in $Name) { $names.Add($pattern) }
    }

    end {
        if ($names.Count -eq 0) { return }
        $changed = New-Object -TypeName System.Collections.Generic.List[string]
        $seen = @{}
        foreach ($task in @(Get-OrcTask -Name $names.ToArray())) {
            if ($seen.ContainsKey($task.Name)) { continue }
            $seen[$task.Name] = $true
            if (-not $PSCmdlet.ShouldProcess($task.Name, 'Enable Orchestrator task')) {
                continue
            }
            $failure = Set-OrcTaskEnabled -Task $task -Enabled $true -StoreHome $storeHome
            if ($failure) {
                $PSCmdlet.WriteError($failure)
                continue
            }
            $changed.Add($task.Name)
        }
        if ($PassThru -and $changed.Count -gt 0) {
            Get-OrcTask -Name $changed.ToArray()
        }
    }
}
