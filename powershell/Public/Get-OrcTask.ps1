function Get-OrcTask {
    <#
    .SYNOPSIS
        Gets Orchestrator tasks: definition, scheduler state, last result and drift.
    .DESCRIPTION
        Get-OrcTask reads every definition and its last result with one 'orc-exec list' call and
        every registration with one scheduler listing (Task Scheduler's \Orchestrator\ folder, or
        the crontab), however many tasks there are, and merges them by name.

        Each task shows its schedule, State (Ready, Running, Disabled, NotRegistered, or OnDemand for an unscheduled task on cron), the
        scheduler's LastRunTime, LastTaskResult (decoded: NeverRun, Running, orc-exec exit code
        names) and NextRunTime, orc-exec's last result, and Drift:
        NotRegistered (a definition that is not scheduled), RegisteredWithoutDefinition (a
        scheduled task whose definition is gone), Changed (the registration was made from another
        version of the definition) and MissingExecutable (the registered program is missing).
        Register-OrcTask repairs the first, third and fourth; Unregister-OrcTask removes the second.
    .PARAMETER Name
        Task names to get; wildcards are accepted. Default: every task. A name without wildcards
        that matches no task is an error (Orc.TaskNotFound).
    .EXAMPLE
        Get-OrcTask

        Lists every task in a table: state, schedule, last status, last and next run, drift.
    .EXAMPLE
        Get-OrcTask -Name db-* | Format-List

        Shows every detail of the tasks whose names start with db-.
    .EXAMPLE
        Get-OrcTask | Where-Object Drift

        Shows the tasks whose registration does not match their definition.
    .INPUTS
        System.String
        Task names, by value or by the Name property.
    .OUTPUTS
        Orchestrator.Task
    .LINK
        Register-OrcTask
    .LINK
        Get-OrcTaskHistory
    .LINK
        about_Orchestrator
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.Task')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name = @('*')
    )

    begin {
        $tasks = $null
    }

    process {
        if ($null -eq $tasks) {
            # One orc-exec call and one scheduler listing for the whole pipeline.
            $listed = Invoke-OrcExec -ArgumentList @('list')
            if ($listed.ExitCode -ne 0) {
                $PSCmdlet.ThrowTerminatingError((ConvertTo-OrcErrorRecord -Result $listed))
            }
            $summaries = @{}
            foreach ($record in @($listed.Records)) {
                if ($record.schema -eq 'orc.task/v1') { $summaries[[string]$record.name] = $record }
            }
            $registrations = @{}
            foreach ($registration in @(Get-OrcBackendTask)) {
                if ($null -ne $registration) { $registrations[[string]$registration.Name] = $registration }
            }
            $all = @($summaries.Keys) + @($registrations.Keys) | Sort-Object -Unique
            $tasks = foreach ($taskName in $all) {
                New-OrcTaskObject -Summary $summaries[$taskName] -Registration $registrations[$taskName]
            }
            $tasks = @($tasks)
        }
        foreach ($pattern in $Name) {
            $matched = @($tasks | Where-Object { $_.Name -like $pattern })
            if ($matched.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $pattern `
                            -Message "Task '$pattern' was not found. Get-OrcTask lists the tasks; Register-OrcTask creates one."))
                continue
            }
            $matched
        }
    }
}
