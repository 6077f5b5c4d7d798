function Test-OrcTaskState {
    <#
    .SYNOPSIS
        Tells whether the registered tasks match a folder of definitions (desired state), without changing anything.
    .DESCRIPTION
        Test-OrcTaskState compares every <task>.json in -Path (or the one file -Path names) with the
        store and the scheduler and returns one Orchestrator.TaskStateResult per task:
        - Compliant: stored and registered exactly as defined.
        - Missing: not registered (Reason says whether it is stored).
        - Different: Differences names what: Definition (the stored copy differs or is missing),
          Triggers, Principal, Settings or Actions (the registered Task Scheduler XML differs from
          what would be registered now, for example after a hand edit in taskschd.msc),
          DefinitionHash (registered from another definition), CronLine (the crontab line differs),
          Enabled (enabled or disabled unlike the definition).
        - Invalid: the file does not validate or cannot be scheduled here (Reason has the error).
        - Extra (only with -Prune): a task of ours, registered or stored, with no file in -Path;
          Sync-OrcTask -Prune would remove it.
        It uses the same comparison as Sync-OrcTask, so Sync-OrcTask changes exactly the tasks
        that are not Compliant here. Nothing is written: not the store, not the scheduler.
        It runs a constant number of orc-exec processes whatever the number of tasks.
    .PARAMETER Path
        A folder of <task>.json files (sub-folders are not read), or one definition file.
    .PARAMETER Prune
        Also report tasks of ours that have no file in -Path (State Extra): the state Sync-OrcTask
        -Prune would reach.
    .PARAMETER Quiet
        Return one [bool]: $true when every task is Compliant.
    .EXAMPLE
        Test-OrcTaskState -Path D:\Orchestrator\tasks

        Lists each task's state; the ones that are not Compliant say why.
    .EXAMPLE
        if (-not (Test-OrcTaskState -Path D:\Orchestrator\tasks -Prune -Quiet)) { exit 1 }

        A compliance check for scripts (Intune detection, monitoring): exits 1 unless the machine
        has exactly the tasks in the folder.
    .EXAMPLE
        Test-OrcTaskState -Path .\tasks | Where-Object State -ne 'Compliant' | Format-List Name, State, Reason, Differences

        Shows what is out of line and why.
    .INPUTS
        System.String
        The path, by value or by the FullName property.
    .OUTPUTS
        Orchestrator.TaskStateResult, or System.Boolean with -Quiet.
    .LINK
        Sync-OrcTask
    .LINK
        Export-OrcTask
    .LINK
        Get-OrcTask
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.TaskStateResult', [bool])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [switch] $Prune,

        [switch] $Quiet
    )

    process {
        $full = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
        if (-not (Test-Path -LiteralPath $full)) {
            $PSCmdlet.ThrowTerminatingError((New-OrcErrorRecord -ErrorId 'Orc.PathNotFound' -Category ObjectNotFound -TargetObject $Path `
                        -Message "'$Path' does not exist. Give a folder of <task>.json files (Export-OrcTask -Path <folder> writes one) or one definition file."))
        }
        $storeHome = Get-OrcStoreHome
        # Isolated: errors the scheduler query raises and handles must not reach -ErrorVariable.
        $compared = Invoke-OrcIsolated -Command 'Compare-OrcTaskState' -Parameter @{ Path = $full; StoreHome = $storeHome; ExecPath = (Get-OrcExecutableInstallPath -StoreHome $storeHome); Prune = [bool]$Prune }
        if ($compared.Error) { $PSCmdlet.ThrowTerminatingError($compared.Error) }
        $states = @($compared.Output)
        if ($Quiet) {
            return (@($states | Where-Object { $_.State -ne 'Compliant' }).Count -eq 0)
        }
        foreach ($state in ($states | Sort-Object -Property Name)) {
            [pscustomobject]@{
                PSTypeName  = 'Orchestrator.TaskStateResult'
                Name        = $state.Name
                State       = $state.State
                Reason      = $state.Reason
                Path        = $state.Path
                Differences = $state.Differences
            }
        }
    }
}
