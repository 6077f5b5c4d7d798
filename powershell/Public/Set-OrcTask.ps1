function Set-OrcTask {
    <#
    .SYNOPSIS
        Changes fields of an existing Orchestrator task and updates its registration.
    .DESCRIPTION
        Set-OrcTask changes only the fields whose parameters are given: orc-exec edits the stored
        definition ('orc-exec define <task> --set'), validates and stores it, and the task is
        re-registered in place (Task Scheduler or cron). The definition never passes through
        PowerShell objects, so every other value stays byte for byte. If the scheduler refuses the
        change, the previous definition is put back. Everything not mentioned stays as it was. Give at most one
        schedule parameter: -Cron, -AtStartup, -AtLogOn, -Once, -Every or -OnDemand (removes the
        schedule). If the task runs as a user with Password logon, pass -Credential again.
    .PARAMETER Name
        The task to change.
    .PARAMETER Command
        The program to run.
    .PARAMETER ArgumentList
        The arguments, one string per argument; an empty array removes them.
    .PARAMETER WorkingDirectory
        The folder the command starts in; an empty string removes it.
    .PARAMETER Cron
        A five-field cron expression; replaces the schedule.
    .PARAMETER TimeZone
        The IANA time zone of the cron schedule.
    .PARAMETER AtStartup
        Run when the computer starts; replaces the schedule.
    .PARAMETER AtLogOn
        Run when a user logs on; replaces the schedule.
    .PARAMETER User
        With -AtLogOn: only when this user logs on.
    .PARAMETER Once
        Run once at this date and time; replaces the schedule.
    .PARAMETER Every
        Run repeatedly at this interval (at least one minute); replaces the schedule. Like every duration
        parameter it takes a [timespan], '02:00:00', or the form Get-OrcTask shows ('15m', '2h', '1h30m', '1d').
    .PARAMETER OnDemand
        Remove the schedule: the task runs only when started (Start-OrcTask).
    .PARAMETER DependsOn
        Task names whose last run must have succeeded; replaces the existing task dependencies (other checks stay). An empty array removes them.
    .PARAMETER RetryCount
        How many times a failed run is retried (0 = no retry).
    .PARAMETER RetryDelay
        The pause before a retry.
    .PARAMETER Timeout
        The longest a run may take ('2h', '01:30:00', or a [timespan]); '0s' or TimeSpan.Zero removes the timeout.
    .PARAMETER Overlap
        skip, queue, parallel or stop-previous.
    .PARAMETER NotifyOn
        Outcomes that send a notification.
    .PARAMETER NotifyTo
        Who receives the notifications.
    .PARAMETER Description
        A short description.
    .PARAMETER Credential
        Run as this user with Password logon (also needed to re-register such a task).
    .PARAMETER GroupManagedServiceAccount
        Run as this group managed service account (DOMAIN\name$).
    .PARAMETER RunAsSystem
        Run as SYSTEM again (removes runAs).
    .PARAMETER PassThru
        Return the changed task (Orchestrator.Task).
    .PARAMETER WhatIf
        Shows what would change without changing anything.
    .PARAMETER Confirm
        Asks for confirmation before each task is changed.
    .EXAMPLE
        Set-OrcTask -Name db-export -Timeout 2h

        Raises the timeout of db-export to two hours; everything else stays.
    .EXAMPLE
        Get-OrcTask -Name report-* | Set-OrcTask -Cron '30 6 * * 1-5' -TimeZone 'Europe/Berlin'

        Moves every report task to 06:30 on weekdays.
    .INPUTS
        System.String, Orchestrator.Task
        Task names by value or by the Name property.
    .OUTPUTS
        Orchestrator.Task with -PassThru; nothing otherwise.
    .LINK
        Register-OrcTask
    .LINK
        Get-OrcTask
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Orchestrator.Task')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [ValidateNotNullOrEmpty()]
        [string] $Command,

        [AllowEmptyCollection()]
        [string[]] $ArgumentList,

        [AllowEmptyString()]
        [string] $WorkingDirectory,

        [ValidateNotNullOrEmpty()]
        [string] $Cron,

        [ValidateNotNullOrEmpty()]
        [string] $TimeZone,

        [switch] $AtStartup,

        [switch] $AtLogOn,

        [string] $User,

        [datetime] $Once,

        [object] $Every,

        [switch] $OnDemand,

        [AllowEmptyCollection()]
        [string[]] $DependsOn,

        [ValidateRange(0, 100)]
        [int] $RetryCount,

        [object] $RetryDelay,

        [object] $Timeout,

        [ValidateSet('skip', 'queue', 'parallel', 'stop-previous')]
        [string] $Overlap,

        [ValidateSet('failure', 'timeout', 'skipped', 'retriesExhausted', 'success', 'recovery')]
        [string[]] $NotifyOn,

        [string[]] $NotifyTo,

        [string] $Description,

        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,

        [ValidateNotNullOrEmpty()]
        [string] $GroupManagedServiceAccount,

        [switch] $RunAsSystem,

        [switch] $PassThru
    )

    begin {
        $bound = $PSBoundParameters
        $scheduleKinds = @(@('Cron', 'AtStartup', 'AtLogOn', 'Once', 'Every', 'OnDemand') | Where-Object { $bound.ContainsKey($_) })
        if ($scheduleKinds.Count -gt 1) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.Usage' -Category InvalidArgument -TargetObject ($scheduleKinds -join ', ') `
                        -Message "Give at most one schedule parameter; got $($scheduleKinds -join ', ')."))
        }
        $runAsKinds = @(@('GroupManagedServiceAccount', 'RunAsSystem') | Where-Object { $bound.ContainsKey($_) })
        if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) { $runAsKinds += 'Credential' }
        if ($runAsKinds.Count -gt 1) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.Usage' -Category InvalidArgument -TargetObject ($runAsKinds -join ', ') `
                        -Message "Use only one of -Credential, -GroupManagedServiceAccount and -RunAsSystem."))
        }
        foreach ($duration in 'Every', 'RetryDelay', 'Timeout') {
            if ($bound.ContainsKey($duration)) {
                try { $span = ConvertTo-OrcTimeSpan -Value $bound[$duration] -ParameterName $duration }
                catch { $PSCmdlet.ThrowTerminatingError($_) }
                if ($duration -eq 'Every' -and $span -lt [timespan]::FromMinutes(1)) {
                    $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidDuration' -Category InvalidArgument -TargetObject $bound[$duration] `
                                -Message "-Every '$($bound[$duration])' is shorter than a minute, the shortest interval Task Scheduler runs. Use '1m' or more."))
                }
            }
        }
        $storeHome = Get-OrcStoreHome
        $summaries = $null
    }

    process {
        if ($null -eq $summaries) {
            $listed = Invoke-OrcExec -ArgumentList @('list') -StoreHome $storeHome
            if ($listed.ExitCode -ne 0) {
                $PSCmdlet.ThrowTerminatingError((ConvertTo-OrcErrorRecord -Result $listed))
            }
            $summaries = @{}
            foreach ($record in @($listed.Records)) {
                if ($record.schema -eq 'orc.task/v1') { $summaries[[string]$record.name] = $record }
            }
        }
        if (-not $summaries.ContainsKey($Name)) {
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.TaskNotFound' -Category ObjectNotFound -TargetObject $Name `
                        -Message "Task '$Name' has no definition. Register-OrcTask creates it."))
            return
        }
        $summary = $summaries[$Name]
        if (-not $summary.valid -or -not $summary.PSObject.Properties['definition']) {
            $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.InvalidDefinition' -Category InvalidData -TargetObject $Name `
                        -Message "The definition of '$Name' is invalid, so it cannot be changed field by field: $($summary.error) Fix $($summary.file), then run Register-OrcTask -Path on it."))
            return
        }
        $changes = @{}
        foreach ($key in $PSBoundParameters.Keys) { $changes[$key] = $PSBoundParameters[$key] }
        foreach ($key in 'Name', 'PassThru', 'WhatIf', 'Confirm', 'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction',
            'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'ProgressAction') {
            $changes.Remove($key)
        }
        if ($Credential -eq [System.Management.Automation.PSCredential]::Empty) { $changes.Remove('Credential') }
        # Only the changed fields go to orc-exec, as JSON: the stored definition is edited in Go and
        # never passes through PowerShell objects on its way back to disk.
        $edits = @(ConvertTo-OrcDefinitionEdit -Current $summary.definition -Parameter $changes)
        if (-not $PSCmdlet.ShouldProcess($Name, 'Change Orchestrator task')) {
            return
        }
        $arguments = @{ StoreHome = $storeHome; Name = $Name }
        if ($edits.Count -gt 0) { $arguments['Edit'] = $edits }
        if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) { $arguments['Credential'] = $Credential }
        $outcome = Invoke-OrcTaskRegistration @arguments
        if ($outcome.ErrorRecord) {
            $PSCmdlet.WriteError($outcome.ErrorRecord)
            return
        }
        $summaries = $null
        if ($PassThru) {
            Get-OrcTask -Name $outcome.Name
        }
    }
}
