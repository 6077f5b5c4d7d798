BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Start-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Start-OrcBackendTask { }
        Mock Test-OrcTaskDefined { $true }
        Mock Test-OrcExecCommand { $false }
    }

    It 'starts through the scheduler backend' {
        Start-OrcTask -Name db
        Should -Invoke Start-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'db' -and $StoreHome -eq '/s' }
    }

    It 'changes nothing with -WhatIf and runs with -Confirm:$false' {
        Start-OrcTask -Name db -WhatIf
        Should -Invoke Start-OrcBackendTask -Exactly 0
        Start-OrcTask -Name db -Confirm:$false
        Should -Invoke Start-OrcBackendTask -Exactly 1
    }

    It 'takes names by value and by property name' {
        'a', 'b' | Start-OrcTask
        [pscustomobject]@{ Name = 'c' } | Start-OrcTask
        Should -Invoke Start-OrcBackendTask -Exactly 3
    }

    It 'with -Wait returns the new run''s result as Orchestrator.TaskResult, skipping RUNNING markers' {
        $now = [datetime]::UtcNow.AddSeconds(1).ToString('o')
        Mock Invoke-OrcExec {
            New-OrcExecResult -Records @(
                ConvertTo-OrcTestRecord ('{"schema":"orc.result/v1","task":"db","runId":"r1","status":"RUNNING","start":"' + $now + '"}')
                ConvertTo-OrcTestRecord ('{"schema":"orc.result/v1","task":"db","runId":"r1","status":"SUCCESS","start":"' + $now + '","durationMs":5}')
            )
        } -ParameterFilter { $ArgumentList[0] -eq 'history' }
        $r = Start-OrcTask -Name db -Wait -TimeoutSec 5
        $r.PSObject.TypeNames | Should -Contain 'Orchestrator.TaskResult'
        $r.Status | Should -Be 'SUCCESS'
        Should -Invoke Invoke-OrcExec -ParameterFilter { $ArgumentList[1] -eq 'db' -and $ArgumentList[2] -eq '--since' }
    }

    It 'with -Wait writes Orc.Timeout when no result appears in time' {
        Mock Invoke-OrcExec { New-OrcExecResult } -ParameterFilter { $ArgumentList[0] -eq 'history' }
        Start-OrcTask -Name db -Wait -TimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.Timeout*'
    }

    It 'writes Orc.SchedulerError when the scheduler refuses' {
        Mock Start-OrcBackendTask { throw 'The system cannot find the file specified.' }
        Start-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue
        $err[-1].FullyQualifiedErrorId | Should -BeLike 'Orc.SchedulerError*'
    }
}
