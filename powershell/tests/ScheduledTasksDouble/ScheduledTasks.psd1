# The test double of the Windows ScheduledTasks module (see README.md next to it). Named ScheduledTasks
# so that the module's module-qualified calls (ScheduledTasks\Register-ScheduledTask) resolve to it.
@{
    RootModule        = 'ScheduledTasks.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '5a2c8d3e-0b7f-4c1e-9d55-7f3f0e6a9b21'
    Author            = 'Orchestrator tests'
    Description       = 'Test double of the Windows ScheduledTasks module: real cmdlet names, an in-memory task store.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @(
        'Register-ScheduledTask', 'Get-ScheduledTask', 'Get-ScheduledTaskInfo', 'Start-ScheduledTask', 'Stop-ScheduledTask',
        'Enable-ScheduledTask', 'Disable-ScheduledTask', 'Unregister-ScheduledTask', 'Export-ScheduledTask',
        'Set-ScheduledTaskDouble', 'Reset-ScheduledTaskDouble'
    )
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
