BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Test-OrcEnvironment' {
    BeforeEach {
        Mock -ModuleName Orchestrator Get-OrcStoreHome { '/s' }
        Mock -ModuleName Orchestrator Get-OrcExecutablePath { '/opt/orc/orc-exec' }
        Mock -ModuleName Orchestrator Test-OrcWindows { $false }
        Mock -ModuleName Orchestrator Invoke-OrcExec {
            New-OrcExecResult -Records @(
                ConvertTo-OrcTestRecord '{"schema":"orc.doctor/v1","name":"store.security","status":"ok","detail":"fine"}'
                ConvertTo-OrcTestRecord '{"schema":"orc.doctor/v1","name":"notify.settings","status":"warn","detail":"no settings","fix":"Set-OrcNotificationSetting"}'
            )
        } -ParameterFilter { $ArgumentList[0] -eq 'doctor' }
        Mock -ModuleName Orchestrator Invoke-OrcExec {
            New-OrcExecResult -Output @('{"schema":"orc.summary/v1","name":"a"}', '{"schema":"orc.summary/v1","name":"b"}')
        } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock -ModuleName Orchestrator Get-OrcBackendTask {
            [pscustomobject]@{ Name = 'a'; ExecPath = '/opt/orc/orc-exec' }
            [pscustomobject]@{ Name = 'b'; ExecPath = '/opt/orc/orc-exec' }
        }
    }

    It 'passes the module''s version and nothing else to orc-exec doctor' {
        $null = Test-OrcEnvironment
        $version = [string](Get-Module Orchestrator).Version
        Should -Invoke -ModuleName Orchestrator Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq "doctor --module-version $version" }
    }

    It 'asks doctor to connect to the SMTP server only with -SmtpConnect' {
        $null = Test-OrcEnvironment -SmtpConnect
        Should -Invoke -ModuleName Orchestrator Invoke-OrcExec -Exactly 1 -ParameterFilter { $ArgumentList[0] -eq 'doctor' -and $ArgumentList -contains '--smtp-connect' }
    }

    It 'returns doctor''s checks then the scheduler''s, as Orchestrator.EnvironmentCheck with Ok/Warn/Fail/Skip' {
        $checks = @(Test-OrcEnvironment)
        $checks.Name | Should -Be @('store.security', 'notify.settings', 'scheduler.reachable', 'scheduler.tasks', 'scheduler.executor')
        $checks[1].Status | Should -Be 'Warn'
        $checks[1].Fix | Should -Be 'Set-OrcNotificationSetting'
        $checks[0].PSObject.TypeNames | Should -Contain 'Orchestrator.EnvironmentCheck'
        @($checks | Where-Object Status -eq 'Fail').Count | Should -Be 0
    }

    It 'writes no error and -Quiet returns $true when only warnings are found' {
        $null = Test-OrcEnvironment -ErrorVariable err
        $err.Count | Should -Be 0
        Test-OrcEnvironment -Quiet | Should -BeTrue
    }

    It 'fails scheduler.tasks for a definition with no scheduler entry, naming it and the fix' {
        Mock -ModuleName Orchestrator Get-OrcBackendTask { [pscustomobject]@{ Name = 'a'; ExecPath = '/opt/orc/orc-exec' } }
        $checks = @(Test-OrcEnvironment -ErrorVariable err -ErrorAction SilentlyContinue)
        $tasks = $checks | Where-Object Name -eq 'scheduler.tasks'
        $tasks.Status | Should -Be 'Fail'
        $tasks.Detail | Should -BeLike '*1 definition(s) have no scheduler entry*: b'
        $tasks.Fix | Should -Be 'Register them from the store: Get-OrcTask -Name b | Register-OrcTask'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.Unhealthy*'
        $err[0].Exception.Message | Should -BeLike '1 check(s) failed: scheduler.tasks.*'
        Test-OrcEnvironment -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'warns about a scheduler entry with no definition' {
        Mock -ModuleName Orchestrator Get-OrcBackendTask {
            'a', 'b', 'ghost' | ForEach-Object { [pscustomobject]@{ Name = $_; ExecPath = '/opt/orc/orc-exec' } }
        }
        $tasks = Test-OrcEnvironment | Where-Object Name -eq 'scheduler.tasks'
        $tasks.Status | Should -Be 'Warn'
        $tasks.Fix | Should -Be 'Remove them: Unregister-OrcTask -Name ghost'
    }

    It 'fails scheduler.executor when tasks run an orc-exec that no longer exists' {
        Mock -ModuleName Orchestrator Get-OrcBackendTask {
            [pscustomobject]@{ Name = 'a'; ExecPath = '/opt/orc/orc-exec' }
            [pscustomobject]@{ Name = 'b'; ExecPath = (Join-Path $TestDrive 'gone/orc-exec') }
        }
        $check = Test-OrcEnvironment -ErrorAction SilentlyContinue | Where-Object Name -eq 'scheduler.executor'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*does not exist*b (*gone*orc-exec)'
        $check.Fix | Should -Be 'Re-register them with this module: Get-OrcTask | Register-OrcTask -Force'
    }

    It 'only warns when tasks run another orc-exec that exists' {
        $other = Join-Path $TestDrive 'orc-exec'
        Set-Content -LiteralPath $other -Value ''
        Mock -ModuleName Orchestrator Get-OrcBackendTask { [pscustomobject]@{ Name = 'a'; ExecPath = $other }; [pscustomobject]@{ Name = 'b'; ExecPath = '/opt/orc/orc-exec' } }
        (Test-OrcEnvironment | Where-Object Name -eq 'scheduler.executor').Status | Should -Be 'Warn'
    }

    It 'fails scheduler.reachable with the elevation fix on Orc.AccessDenied, and checks nothing more there' {
        Mock -ModuleName Orchestrator Get-OrcBackendTask {
            $record = New-Object System.Management.Automation.ErrorRecord ([System.UnauthorizedAccessException]'Access is denied.'), 'Orc.AccessDenied', 'PermissionDenied', $null
            throw $record
        }
        $checks = @(Test-OrcEnvironment -ErrorAction SilentlyContinue)
        $reach = $checks | Where-Object Name -eq 'scheduler.reachable'
        $reach.Status | Should -Be 'Fail'
        $reach.Fix | Should -BeLike 'Run elevated*'
        $checks.Name | Should -Not -Contain 'scheduler.tasks'
    }

    It 'reports a missing executor as executor.path and still checks the scheduler' {
        Mock -ModuleName Orchestrator Get-OrcExecutablePath { throw 'orc-exec not found at /x' }
        $checks = @(Test-OrcEnvironment -ErrorAction SilentlyContinue)
        $checks[0].Name | Should -Be 'executor.path'
        $checks[0].Status | Should -Be 'Fail'
        $checks.Name | Should -Contain 'scheduler.reachable'
        Should -Invoke -ModuleName Orchestrator Invoke-OrcExec -Exactly 0
    }

    It 'reports doctor itself failing as executor.run' {
        Mock -ModuleName Orchestrator Invoke-OrcExec { New-OrcExecResult -ExitCode 70 -StdErr 'orc-exec: error: boom' } -ParameterFilter { $ArgumentList[0] -eq 'doctor' }
        $check = Test-OrcEnvironment -ErrorAction SilentlyContinue | Where-Object Name -eq 'executor.run'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*exit 70*boom*'
    }

    It 'changes nothing: it has no -WhatIf because it never writes' {
        (Get-Command Test-OrcEnvironment).Parameters.Keys | Should -Not -Contain 'WhatIf'
    }
}
