@{
    RootModule           = 'powershell/Orchestrator.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f7d0e-3c55-4f0e-9a51-0c3a8f3d2b61'
    Author               = 'Orchestrator team'
    CompanyName          = 'Orchestrator'
    Copyright            = '(c) Orchestrator team. MIT License.'
    Description          = 'Run scheduled jobs on Windows Task Scheduler with dependencies, retries, timeouts that kill the whole process tree, alerts and history.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport    = @(
        'Disable-OrcTask'
        'Enable-OrcTask'
        'Export-OrcTask'
        'Get-OrcMigration'
        'Get-OrcNotificationSetting'
        'Get-OrcTask'
        'Get-OrcTaskHistory'
        'Import-OrcTask'
        'Initialize-Orchestrator'
        'Register-OrcTask'
        'Remove-OrcOrphan'
        'Send-OrcReport'
        'Send-OrcTestMail'
        'Start-OrcDashboard'
        'Set-OrcNotificationSetting'
        'Set-OrcTask'
        'Start-OrcMigration'
        'Start-OrcTask'
        'Stop-OrcTask'
        'Sync-OrcTask'
        'Test-OrcEnvironment'
        'Test-OrcTask'
        'Test-OrcTaskState'
        'Undo-OrcMigration'
        'Uninstall-Orchestrator'
        'Unregister-OrcTask'
    )
    FormatsToProcess     = @('powershell/Orchestrator.Format.ps1xml')
    TypesToProcess       = @('powershell/Orchestrator.Types.ps1xml')
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('TaskScheduler', 'Scheduling', 'Jobs', 'Cron', 'Windows', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Linux')
            ProjectUri   = 'https://github.com/orchestrator/orchestrator'
            LicenseUri   = 'https://github.com/orchestrator/orchestrator/blob/main/LICENSE'
            # Replaced from CHANGELOG.md by build.ps1 Package; this is what a source checkout shows.
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
