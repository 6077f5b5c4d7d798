function Register-OrcTask {
    <#
    .SYNOPSIS
        Registers an Orchestrator task: stores its definition and schedules it with Task Scheduler (cron on Linux/macOS).
    .DESCRIPTION
        Register-OrcTask builds a task definition from its parameters, reads it from JSON files
        (-Path, wildcards and folders allowed) or takes definition objects from the pipeline
        (hashtables or PSCustomObjects shaped like docs/tasks.md). orc-exec validates the
        definition and writes it atomically to the store's tasks folder; then the task is
        registered as \Orchestrator\Orc_<name> in Task Scheduler, running the installed
        orc-exec ('orc-exec run <name>') at every trigger.

        Registering an unchanged definition that is already registered changes nothing and says
        so (Verbose/Information stream). A changed definition updates the registration in place.
        The task runs as SYSTEM unless -Credential (a user, Password logon) or
        -GroupManagedServiceAccount is given. Without a schedule parameter the task runs only on
        demand (Start-OrcTask).
    .PARAMETER Name
        The task name: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.
    .PARAMETER Command
        The program to run. It is started directly (no shell); pass its arguments with -ArgumentList.
    .PARAMETER ArgumentList
        The arguments, one string per argument; they are passed as they are, never re-parsed.
    .PARAMETER WorkingDirectory
        The folder the command starts in.
    .PARAMETER Cron
        A five-field cron expression ('0 2 * * *' = every day at 02:00).
    .PARAMETER TimeZone
        The IANA time zone of -Cron (for example 'Europe/Berlin'); default the host's.
    .PARAMETER AtStartup
        Run when the computer starts.
    .PARAMETER AtLogOn
        Run when a user logs on (any user unless -User is given).
    .PARAMETER User
        With -AtLogOn: only when this user (DOMAIN\user) logs on.
    .PARAMETER Once
        Run once at this date and time (local time unless the value carries an offset).
    .PARAMETER Every
        Run repeatedly at this interval (at least one minute), for example (New-TimeSpan -Minutes 15).
    .PARAMETER DependsOn
        Names of tasks whose last run must have succeeded before this one runs (task dependency checks).
    .PARAMETER RetryCount
        How many times a failed run is retried (0 = no retry).
    .PARAMETER RetryDelay
        The pause before a retry.
    .PARAMETER Timeout
        The longest a run may take; when reached, the command's whole process tree is killed (TIMEOUT).
        Like -Every and -RetryDelay it takes the form Get-OrcTask shows ('90s', '15m', '2h', '1h30m', '1d'),
        TimeSpan text ('01:00:00') or a [timespan].
    .PARAMETER Overlap
        What a run does while another run of the task is still going: skip (default), queue, parallel or stop-previous.
    .PARAMETER NotifyOn
        Outcomes that send a notification: failure, timeout, skipped, retriesExhausted, success, recovery.
    .PARAMETER NotifyTo
        Who receives the notifications (e-mail addresses).
    .PARAMETER Description
        A short description shown by Get-OrcTask and in Task Scheduler.
    .PARAMETER Path
        Definition files (*.json) to register; wildcards and folders (every *.json in them) are accepted.
    .PARAMETER InputObject
        A definition: a hashtable or PSCustomObject shaped like a task file, a JSON string, or a file.
        A task from Get-OrcTask (or a task name) registers its whole stored definition again, unchanged:
        Get-OrcTask | Register-OrcTask repairs the registration and changes nothing else.
        An object without an "action" but with a Command property (for example a row of Import-Csv)
        is read by property name: Name, Command, ArgumentList, Cron, Timeout and so on.
    .PARAMETER Credential
        With -Name/-Command: run as this user with Password logon. With -Path or a piped definition or task, the
        definition's runAs decides the account and the credential only supplies its password: a credential for
        another user is refused (Orc.CredentialMismatch). The password is given to Task Scheduler only.
    .PARAMETER GroupManagedServiceAccount
        Run as this group managed service account (DOMAIN\name$); no password is needed.
    .PARAMETER Force
        Register the task with the scheduler again even when its definition is unchanged and
        already registered, for example to undo a hand edit in taskschd.msc (Get-OrcTask -Detailed
        shows it as Drift Modified).
    .PARAMETER PassThru
        Return the registered task (Orchestrator.Task), as Get-OrcTask shows it.
    .PARAMETER WhatIf
        Shows what would be registered without storing or registering anything.
    .PARAMETER Confirm
        Asks for confirmation before each task is registered.
    .EXAMPLE
        Register-OrcTask -Name db-export -Command 'C:\Tools\export.exe' -ArgumentList '--database', 'orders' -Cron '0 2 * * *' -Timeout 1h -RetryCount 2 -RetryDelay 1m

        Registers a nightly export at 02:00 that is killed after an hour and retried twice.
    .EXAMPLE
        Register-OrcTask -Name report -Command 'C:\Tools\report.exe' -Every (New-TimeSpan -Minutes 15) -DependsOn db-export -PassThru

        Runs every 15 minutes, only when the last db-export run succeeded, and shows the task.
    .EXAMPLE
        Register-OrcTask -Path 'D:\Orchestrator\tasks\*.json'

        Registers every definition file in the folder; unchanged ones are left alone.
    .EXAMPLE
        Get-OrcTask -Detailed | Where-Object Drift -Contains 'Modified' | Register-OrcTask -Force

        Registers the tasks someone edited in taskschd.msc again from their stored definitions; nothing
        in the definitions changes.
    .EXAMPLE
        @{ name = 'cleanup'; action = @{ command = 'C:\Tools\cleanup.exe' }; schedule = @{ startup = @{} } } | Register-OrcTask

        Registers a definition given as a hashtable.
    .INPUTS
        System.Collections.Hashtable, System.Management.Automation.PSCustomObject, System.String, System.IO.FileInfo
        Definitions by value; Name, Command, ArgumentList, WorkingDirectory, DependsOn, Description and Path (FullName) by property name.
    .OUTPUTS
        Orchestrator.Task with -PassThru; nothing otherwise.
    .LINK
        Get-OrcTask
    .LINK
        Set-OrcTask
    .LINK
        about_Orchestrator
    #>
    [CmdletBinding(DefaultParameterSetName = 'OnDemand', SupportsShouldProcess)]
    [OutputType('Orchestrator.Task')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'OnDemand', Position = 0, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'Cron', Position = 0, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'AtStartup', Position = 0, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'AtLogOn', Position = 0, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'Once', Position = 0, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'Every', Position = 0, ValueFromPipelineByPropertyName)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
        [string] $Name,

        [Parameter(Mandatory, ParameterSetName = 'OnDemand', Position = 1, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'Cron', Position = 1, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'AtStartup', Position = 1, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'AtLogOn', Position = 1, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'Once', Position = 1, ValueFromPipelineByPropertyName)]
        [Parameter(Mandatory, ParameterSetName = 'Every', Position = 1, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string] $Command,

        [Parameter(ParameterSetName = 'OnDemand', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Cron', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtStartup', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtLogOn', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Once', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Every', ValueFromPipelineByPropertyName)]
        [Alias('Arguments')]
        [string[]] $ArgumentList,

        [Parameter(ParameterSetName = 'OnDemand', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Cron', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtStartup', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtLogOn', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Once', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Every', ValueFromPipelineByPropertyName)]
        [string] $WorkingDirectory,

        [Parameter(Mandatory, ParameterSetName = 'Cron')]
        [ValidateNotNullOrEmpty()]
        [string] $Cron,

        [Parameter(ParameterSetName = 'Cron')]
        [ValidateNotNullOrEmpty()]
        [string] $TimeZone,

        [Parameter(Mandatory, ParameterSetName = 'AtStartup')]
        [switch] $AtStartup,

        [Parameter(Mandatory, ParameterSetName = 'AtLogOn')]
        [switch] $AtLogOn,

        [Parameter(ParameterSetName = 'AtLogOn')]
        [string] $User,

        [Parameter(Mandatory, ParameterSetName = 'Once')]
        [datetime] $Once,

        [Parameter(Mandatory, ParameterSetName = 'Every')]
        [object] $Every,

        [Parameter(ParameterSetName = 'OnDemand', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Cron', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtStartup', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtLogOn', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Once', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Every', ValueFromPipelineByPropertyName)]
        [string[]] $DependsOn,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [ValidateRange(0, 100)]
        [int] $RetryCount,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [object] $RetryDelay,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [object] $Timeout,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [ValidateSet('skip', 'queue', 'parallel', 'stop-previous')]
        [string] $Overlap,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [ValidateSet('failure', 'timeout', 'skipped', 'retriesExhausted', 'success', 'recovery')]
        [string[]] $NotifyOn,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [string[]] $NotifyTo,

        [Parameter(ParameterSetName = 'OnDemand', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Cron', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtStartup', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'AtLogOn', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Once', ValueFromPipelineByPropertyName)]
        [Parameter(ParameterSetName = 'Every', ValueFromPipelineByPropertyName)]
        [string] $Description,

        [Parameter(Mandatory, ParameterSetName = 'FromPath', Position = 0, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [string[]] $Path,

        [Parameter(Mandatory, ParameterSetName = 'FromObject', ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $InputObject,

        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,

        [Parameter(ParameterSetName = 'OnDemand')]
        [Parameter(ParameterSetName = 'Cron')]
        [Parameter(ParameterSetName = 'AtStartup')]
        [Parameter(ParameterSetName = 'AtLogOn')]
        [Parameter(ParameterSetName = 'Once')]
        [Parameter(ParameterSetName = 'Every')]
        [ValidateNotNullOrEmpty()]
        [string] $GroupManagedServiceAccount,

        [switch] $PassThru,

        [switch] $Force
    )

    begin {
        if ($PSBoundParameters.ContainsKey('GroupManagedServiceAccount') -and $Credential -ne [System.Management.Automation.PSCredential]::Empty) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.Usage' -Category InvalidArgument -TargetObject $GroupManagedServiceAccount `
                        -Message 'Use either -Credential or -GroupManagedServiceAccount, not both.'))
        }
        foreach ($duration in 'Every', 'RetryDelay', 'Timeout') {
            if ($PSBoundParameters.ContainsKey($duration)) {
                # Durations as Get-OrcTask shows them ('2h', '1h30m') or as TimeSpans.
                try { $span = ConvertTo-OrcTimeSpan -Value $PSBoundParameters[$duration] -ParameterName $duration }
                catch { $PSCmdlet.ThrowTerminatingError($_) }
                if ($duration -eq 'Every' -and $span -lt [timespan]::FromMinutes(1)) {
                    $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.InvalidDuration' -Category InvalidArgument -TargetObject $PSBoundParameters[$duration] `
                                -Message "-Every '$($PSBoundParameters[$duration])' is shorter than a minute, the shortest interval Task Scheduler runs. Use '1m' or more."))
                }
            }
        }
        $storeHome = Get-OrcStoreHome
        $credentialToUse = $null
        if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) { $credentialToUse = $Credential }
    }

    process {
        $work = New-Object -TypeName System.Collections.Generic.List[object]
        switch ($PSCmdlet.ParameterSetName) {
            'FromPath' {
                foreach ($file in @(Resolve-OrcDefinitionPath -Path $Path -Cmdlet $PSCmdlet)) {
                    $work.Add(@{ Path = $file })
                }
            }
            'FromObject' {
                $item = $InputObject.PSObject.BaseObject
                if ($item -is [System.Management.Automation.PSCustomObject]) { $item = $InputObject }
                if ($InputObject.PSObject.TypeNames -contains 'Orchestrator.Task') {
                    # A task from Get-OrcTask shows a summary, not the definition: register the
                    # whole stored definition by name, so Get-OrcTask | Register-OrcTask changes nothing.
                    $work.Add(@{ Name = [string]$InputObject.Name })
                }
                elseif ($item -is [System.IO.FileSystemInfo]) {
                    foreach ($file in @(Resolve-OrcDefinitionPath -Path $item.FullName -Cmdlet $PSCmdlet)) { $work.Add(@{ Path = $file }) }
                }
                elseif ($item -is [string] -and $item -match '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' -and -not (Test-Path -Path $item)) {
                    # A task name: register its stored definition again.
                    $work.Add(@{ Name = $item })
                }
                elseif ($item -is [string] -and -not $item.TrimStart().StartsWith('{')) {
                    foreach ($file in @(Resolve-OrcDefinitionPath -Path $item -Cmdlet $PSCmdlet)) { $work.Add(@{ Path = $file }) }
                }
                elseif ($item -is [string]) {
                    # JSON text goes to orc-exec as it is: orc-exec is the one validator.
                    $work.Add(@{ Json = $item })
                }
                else {
                    $plain = ConvertTo-OrcPlainObject -InputObject $item
                    if ($plain -isnot [System.Collections.IDictionary]) {
                        $PSCmdlet.WriteError((New-OrcErrorRecord -ErrorId 'Orc.InvalidDefinition' -Category InvalidType -TargetObject $InputObject `
                                    -Message "A definition must be a hashtable, a PSCustomObject, a JSON string or a file; got $($InputObject.GetType().FullName)."))
                        return
                    }
                    if (-not $plain.Contains('action') -and $plain.Contains('Command')) {
                        # Parameter-shaped (Name, Command, Cron, ... as from Import-Csv): bind by property name.
                        $known = @{}
                        foreach ($key in @($plain.Keys)) {
                            if ($MyInvocation.MyCommand.Parameters.ContainsKey($key) -and $key -notin 'InputObject', 'Path', 'Credential') {
                                $known[$MyInvocation.MyCommand.Parameters[$key].Name] = $plain[$key]
                            }
                        }
                        $plain = Set-OrcDefinitionField -Definition ([ordered]@{}) -Parameter $known
                    }
                    $work.Add(@{ Definition = $plain })
                }
            }
            default {
                $work.Add(@{ Definition = (Set-OrcDefinitionField -Definition ([ordered]@{}) -Parameter $PSBoundParameters) })
            }
        }

        foreach ($entry in $work) {
            if ($entry.ContainsKey('Path')) {
                $label = $entry['Path']
            }
            elseif ($entry.ContainsKey('Name')) {
                $label = $entry['Name']
            }
            elseif ($entry.ContainsKey('Json')) {
                $label = 'JSON definition'
                $nameMatch = [regex]::Match($entry['Json'], '"name"\s*:\s*"([^"]*)"')
                if ($nameMatch.Success) { $label = $nameMatch.Groups[1].Value }
            }
            else {
                $label = [string]$entry['Definition']['name']
            }
            if (-not $PSCmdlet.ShouldProcess($label, 'Register Orchestrator task')) {
                continue
            }
            $arguments = @{ StoreHome = $storeHome }
            foreach ($key in 'Path', 'Json', 'Definition', 'Name') {
                if ($entry.ContainsKey($key)) { $arguments[$key] = $entry[$key] }
            }
            if ($credentialToUse) { $arguments['Credential'] = $credentialToUse }
            if ($Force) { $arguments['Force'] = $true }
            $outcome = Invoke-OrcTaskRegistration @arguments
            if ($outcome.ErrorRecord) {
                $PSCmdlet.WriteError($outcome.ErrorRecord)
                continue
            }
            if ($PassThru) {
                Get-OrcTask -Name $outcome.Name
            }
        }
    }
}
