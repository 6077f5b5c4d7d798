BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Stop-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Stop-OrcBackendTask { }
        Mock Test-OrcTaskDefined { $true }
        Mock Test-OrcExecCommand { $false }
    }

    It 'stops through the scheduler backend' {
        Stop-OrcTask -Name db
        Should -Invoke Stop-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'db' -and $StoreHome -eq '/s' }
    }

    It 'changes nothing with -WhatIf and runs with -Confirm:$false' {
        Stop-OrcTask -Name db -WhatIf
        Should -Invoke Stop-OrcBackendTask -Exactly 0
        Stop-OrcTask -Name db -Confirm:$false
        Should -Invoke Stop-OrcBackendTask -Exactly 1
    }

    It 'takes names by value and by property name' {
        'a', 'b' | Stop-OrcTask
        [pscustomobject]@{ Name = 'c' } | Stop-OrcTask
        Should -Invoke Stop-OrcBackendTask -Exactly 3
    }

    It 'writes Orc.SchedulerError when the scheduler refuses' {
        Mock Stop-OrcBackendTask { throw 'nope' }
        Stop-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue
        $err[-1].FullyQualifiedErrorId | Should -BeLike 'Orc.SchedulerError*'
    }

    Context 'when orc-exec has a stop command' {
        BeforeEach {
            Mock Test-OrcExecCommand { $true } -ParameterFilter { $Name -eq 'stop' }
        }

        It 'asks orc-exec to stop the run and leaves the scheduler alone when it did' {
            Mock Invoke-OrcExec { New-OrcExecResult } -ParameterFilter { $ArgumentList[0] -eq 'stop' }
            Stop-OrcTask -Name db
            Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'stop db' -and $StoreHome -eq '/s' }
            Should -Invoke Stop-OrcBackendTask -Exactly 0
        }

        It 'falls back to the scheduler when orc-exec could not stop it' {
            Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 70 -StdErr 'orc-exec: error: no' } -ParameterFilter { $ArgumentList[0] -eq 'stop' }
            Stop-OrcTask -Name db
            Should -Invoke Stop-OrcBackendTask -Exactly 1
        }
    }

    It 'does not call orc-exec stop when this orc-exec lacks it' {
        Mock Invoke-OrcExec { New-OrcExecResult }
        Stop-OrcTask -Name db
        Should -Invoke Invoke-OrcExec -Exactly 0 -ParameterFilter { $ArgumentList[0] -eq 'stop' }
        Should -Invoke Stop-OrcBackendTask -Exactly 1
    }
}
