function Get-OrcRegistrationDrift {
    <#
    .SYNOPSIS
        Compares what Task Scheduler holds for each task with what orc-exec would register now, and
        returns the parts that differ (Triggers, Principal, Settings, Actions) by task name.
    .DESCRIPTION
        The definition hash in RegistrationInfo only shows that a registration was made from another
        definition; a hand edit in taskschd.msc (a trigger, the account, a setting) keeps the hash.
        This reads each registered task's XML (Export-ScheduledTask, one call per task) and has
        'orc-exec render --all --registered -' render every task and compare, in one process,
        normalised for what Task Scheduler rewrites on registration (taskxml.Diff). It costs a CIM
        call per task, so Get-OrcTask runs it only with -Detailed. Windows backend only: other
        registrations are skipped.
    .PARAMETER Registration
        Get-OrcBackendTask objects.
    .PARAMETER StoreHome
        The store orc-exec reads.
    .EXAMPLE
        $drift = Get-OrcRegistrationDrift -Registration @(Get-OrcBackendTask) -StoreHome (Get-OrcStoreHome)
        $drift['db-export']   # for example: Triggers, Principal
    .OUTPUTS
        System.Collections.Hashtable: task name -> string[] of differing parts (empty when in sync).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [AllowEmptyCollection()]
        [object[]] $Registration,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $result = @{}
    $lines = New-Object -TypeName System.Collections.Generic.List[string]
    $execPath = $null
    foreach ($task in $Registration) {
        if ($null -eq $task -or $task.Backend -ne 'TaskScheduler') { continue }
        if (-not $execPath -and $task.ExecPath) { $execPath = [string]$task.ExecPath }
        $xml = $null
        try {
            $xml = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$($task.Name)" -ErrorAction Stop
        }
        catch {
            $failure = Resolve-OrcSchedulerError -ErrorRecord @($_) -Operation "export Orc_$($task.Name)"
            if ($failure) { throw $failure }
        }
        if ($xml) { $lines.Add((ConvertTo-Json -InputObject ([ordered]@{ task = [string]$task.Name; xml = [string]$xml }) -Compress)) }
    }
    if ($lines.Count -eq 0) { return $result }
    # The executable the registrations run: an action pointing elsewhere is reported as Actions drift.
    $arguments = @('render', '--all', '--registered', '-', '--output', 'json')
    if ($execPath) { $arguments += @('--exec-path', $execPath) }
    $rendered = Invoke-OrcExec -ArgumentList $arguments -InputObject ($lines.ToArray() -join "`n") -StoreHome $StoreHome -Raw
    if ($rendered.ExitCode -ne 0) { throw (ConvertTo-OrcErrorRecord -Result $rendered -TargetObject 'orc-exec render --all') }
    foreach ($record in @(ConvertFrom-OrcJsonLine -Line $rendered.Output)) {
        if ($record.schema -ne 'orc.render/v1' -or -not $record.PSObject.Properties['compared'] -or -not $record.compared) { continue }
        $sections = @()
        if ($record.PSObject.Properties['drift']) { $sections = @($record.drift | Where-Object { $_ }) }
        $result[[string]$record.task] = [string[]]$sections
    }
    return $result
}
