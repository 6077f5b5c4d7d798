BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Test-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.validate/v1","task":"db","valid":true}') } -ParameterFilter { $ArgumentList[0] -eq 'validate' }
        Mock Invoke-OrcExec {
            New-OrcExecResult -ExitCode 6 -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.check/v1","task":"db","met":false,"dependencies":[{"name":"tcp db01:1433","type":"tcp","met":false,"reason":"refused","durationMs":3},{"name":"task vpn","type":"task","met":true,"reason":"ok","durationMs":1}]}')
        } -ParameterFilter { $ArgumentList[0] -eq 'check' }
    }

    It 'validates, then runs the checks and returns one Orchestrator.CheckResult per check' {
        $r = @(Test-OrcTask -Name db)
        $r.Count | Should -Be 2
        $r[0].PSObject.TypeNames | Should -Contain 'Orchestrator.CheckResult'
        $r[0].Met | Should -BeFalse
        $r[0].Reason | Should -Be 'refused'
        $r[1].Type | Should -Be 'task'
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'validate db' }
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'check db' }
    }

    It 'returns $false with -Quiet when a dependency is unmet, $true when all are met' {
        Test-OrcTask -Name db -Quiet | Should -BeFalse
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.check/v1","task":"db","met":true,"dependencies":[]}') } -ParameterFilter { $ArgumentList[0] -eq 'check' }
        Test-OrcTask -Name db -Quiet | Should -BeTrue
    }

    It 'writes Orc.InvalidDefinition for an invalid definition and skips the checks' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 3 -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.validate/v1","valid":false,"errors":[{"field":"timeout","problem":"bad","fix":"use 5m"}]}') } -ParameterFilter { $ArgumentList[0] -eq 'validate' }
        Test-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InvalidDefinition*'
        "$($err[0])" | Should -BeLike '*timeout: bad (fix: use 5m)*'
        Should -Invoke Invoke-OrcExec -Exactly 0 -ParameterFilter { $ArgumentList[0] -eq 'check' }
        Test-OrcTask -Name db -Quiet | Should -BeFalse
    }

    It 'writes Orc.TaskNotFound for an unknown task' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 10 -StdErr 'orc-exec: error: task "nope" not found: /s/tasks/nope.json does not exist' } -ParameterFilter { $ArgumentList[0] -eq 'validate' }
        Test-OrcTask -Name nope -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
    }

    It 'takes names by value and by property name' {
        $null = 'a', 'b' | Test-OrcTask
        $null = [pscustomobject]@{ Name = 'c' } | Test-OrcTask
        Should -Invoke Invoke-OrcExec -Exactly 3 -ParameterFilter { $ArgumentList[0] -eq 'check' }
    }
}
