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
}
