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
        With -Detailed (Task Scheduler only) each registered task's XML is also compared with what
        its definition renders now, so a hand edit in taskschd.msc shows as Drift Modified, and
        DriftReason names the parts (Triggers, Principal, Settings, Actions). That costs one
        Export-ScheduledTask per task and one orc-exec call, so it is not the default: the default
        compares the definition hash and the executable only.
        Register-OrcTask repairs NotRegistered, Changed and MissingExecutable, and
        Register-OrcTask -Force repairs Modified; Unregister-OrcTask removes the
        RegisteredWithoutDefinition ones.
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
        Get-OrcTaskHistory -Status FAILED -Since (Get-Date).AddDays(-1) | Get-OrcTask

        Shows the tasks that failed in the last 24 hours (each task once per failed run).
    .PARAMETER Detailed
        Also compare each registration's triggers, principal, settings and actions with the
        definition (Task Scheduler only; one Export-ScheduledTask per task).
    .EXAMPLE
        Get-OrcTask -Detailed | Where-Object Drift | Format-List Name, Drift, DriftReason

        Finds tasks edited in taskschd.msc and says which parts differ.
    .EXAMPLE
        Get-OrcTask | Where-Object Drift

        Shows the tasks whose registration does not match their definition.
    .INPUTS
        System.String, Orchestrator.TaskResult
        Task names, by value or by the Name, Task or TaskName property (so Get-OrcTaskHistory
        output can be piped in).
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
        [Alias('Task', 'TaskName')]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name = @('*'),

        [switch] $Detailed
    )

    begin {
        $tasks = $null
    }

    process {
        if ($null -eq $tasks) {
            # One orc-exec call and one scheduler listing for the whole pipeline; the NDJSON is
            # parsed in one go (ConvertFrom-OrcJsonLine) and merged in one call.
            $listed = Invoke-OrcExec -ArgumentList @('list', '--output', 'json') -Raw
            if ($listed.ExitCode -ne 0) {
                $PSCmdlet.ThrowTerminatingError((ConvertTo-OrcErrorRecord -Result $listed))
            }
            $records = @($listed.Records)
            if ($records.Count -eq 0) { $records = @(ConvertFrom-OrcJsonLine -Line $listed.Output) }
            try {
                $registrations = @(Get-OrcBackendTask)
            }
            catch {
                # Orc.AccessDenied and the like: without the registrations every task would look
                # NotRegistered, so stop rather than show a wrong picture.
                $PSCmdlet.ThrowTerminatingError($_)
            }
            $modified = @{}
            if ($Detailed) {
                try {
                    $modified = Get-OrcRegistrationDrift -Registration $registrations -StoreHome (Get-OrcStoreHome)
                }
                catch {
                    $PSCmdlet.ThrowTerminatingError($_)
                }
            }
            $tasks = @(New-OrcTaskObject -Summary $records -Registration $registrations -Modified $modified)
        }
        foreach ($pattern in $Name) {
            if ($pattern -eq '*') {
                $tasks
                continue
            }
            $wildcard = New-Object -TypeName System.Management.Automation.WildcardPattern -ArgumentList $pattern, ([System.Management.Automation.WildcardOptions]::IgnoreCase)
            $matched = @(foreach ($task in $tasks) { if ($wildcard.IsMatch($task.Name)) { $task } })
            if ($matched.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $pattern `
                            -Message "Task '$pattern' was not found. Get-OrcTask lists the tasks; Register-OrcTask creates one."))
                continue
            }
            $matched
        }
    }
}
