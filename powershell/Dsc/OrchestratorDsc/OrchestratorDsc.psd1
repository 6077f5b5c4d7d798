@{
    # A module of its own, so that DSC finds the class resource through DscResourcesToExport
    # without Orchestrator.psd1 loading classes on every import. Install it beside Orchestrator
    # (Modules\OrchestratorDsc\<version>\); it imports Orchestrator itself (see the .psm1).
    RootModule           = 'OrchestratorDsc.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '0c6f3e0a-7a2b-4d51-9a3e-5f1d2c8b4e71'
    Author               = 'Orchestrator team'
    CompanyName          = 'Orchestrator'
    Copyright            = '(c) Orchestrator team. MIT License.'
    Description          = 'DSC resource OrcTask: one Orchestrator task as desired state (Sync-OrcTask, Test-OrcTaskState, Unregister-OrcTask).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DscResourcesToExport = @('OrcTask')
    FunctionsToExport    = @()
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('DSC', 'DscResource', 'TaskScheduler', 'Orchestrator')
        }
    }
}
