BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Initialize-Orchestrator on Windows (what crosses to orc-exec)' {
    BeforeEach {
        Mock -ModuleName Orchestrator Test-OrcWindows { $true }
        Mock -ModuleName Orchestrator Test-OrcInteractive { $false }
        Mock -ModuleName Orchestrator Get-OrcStoreHome { 'C:\ProgramData\Orchestrator' }
        Mock -ModuleName Orchestrator Get-OrcNotificationSetting { }
        Mock -ModuleName Orchestrator Get-OrcTask { }
        Mock -ModuleName Orchestrator Test-OrcEnvironment { }
        Mock -ModuleName Orchestrator Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.init/v1","home":"C:\\ProgramData\\Orchestrator","created":false}') } -ParameterFilter { $ArgumentList[0] -eq 'init' }
        Mock -ModuleName Orchestrator Invoke-OrcExec { New-OrcExecResult } -ParameterFilter { $ArgumentList[0] -eq 'eventlog' }
    }

    It 'registers the Event Log source with orc-exec eventlog install, against the store it set up' {
        $steps = @(Initialize-Orchestrator -NonInteractive -EventLogSource)
        Should -Invoke -ModuleName Orchestrator Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'eventlog install' -and $StoreHome -eq 'C:\ProgramData\Orchestrator' }
        ($steps | Where-Object Step -eq 'EventLog').Result | Should -Be 'Changed'
    }

    It 'reports a refused source (not elevated) as Failed with the executor''s error' {
        Mock -ModuleName Orchestrator Invoke-OrcExec { New-OrcExecResult -ExitCode 70 -StdErr 'orc-exec: error: access is denied' } -ParameterFilter { $ArgumentList[0] -eq 'eventlog' }
        $steps = @(Initialize-Orchestrator -NonInteractive -EventLogSource -ErrorVariable err -ErrorAction SilentlyContinue)
        ($steps | Where-Object Step -eq 'EventLog').Result | Should -Be 'Failed'
        $err.Count | Should -BeGreaterThan 0
    }

    It 'sets ORC_HOME machine-wide for a new store folder only when asked' {
        Mock -ModuleName Orchestrator Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.init/v1","home":"D:\\Orc","created":true}') } -ParameterFilter { $ArgumentList[0] -eq 'init' }
        $saved = $env:ORC_HOME
        try {
            # WhatIf on the machine variable: the spec must not write the registry of the host it runs on.
            $out = @(Initialize-Orchestrator -NonInteractive -StoreHome 'D:\Orc' -WhatIf)
            @($out | Where-Object Result -eq 'Changed').Count | Should -Be 0
            $env:ORC_HOME | Should -Be $saved
        }
        finally { $env:ORC_HOME = $saved }
    }

    It 'does not touch the Event Log without -EventLogSource' {
        $null = Initialize-Orchestrator -NonInteractive
        Should -Invoke -ModuleName Orchestrator Invoke-OrcExec -Exactly 0 -ParameterFilter { $ArgumentList[0] -eq 'eventlog' }
    }
}
