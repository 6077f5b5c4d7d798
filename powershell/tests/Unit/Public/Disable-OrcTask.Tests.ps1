BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Disable-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Get-OrcTask {
            foreach ($n in $Name) {
                if ($n -eq 'nodef') { [pscustomobject]@{ Name = 'nodef'; State = 'Ready'; Definition = $null }; continue }
                if ($n -eq 'unreg') { [pscustomobject]@{ Name = 'unreg'; State = 'NotRegistered'; Definition = [pscustomobject]@{ name = 'unreg'; action = [pscustomobject]@{ command = 'x' } } }; continue }
                [pscustomobject]@{ Name = $n; State = 'Ready'; Definition = [pscustomobject]@{ name = $n; action = [pscustomobject]@{ command = 'x' } } }
            }
        }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.define/v1","task":"db","changed":true}') } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Mock Disable-OrcBackendTask { }
    }

    It 'sets "enabled": false in the definition and disables the registration' {
        Disable-OrcTask -Name db
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'define db --set enabled=false' -and $StoreHome -eq '/s' }
        Should -Invoke Disable-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'db' }
    }

    It 'changes nothing with -WhatIf' {
        Disable-OrcTask -Name db -WhatIf
        Should -Invoke Invoke-OrcExec -Exactly 0
        Should -Invoke Disable-OrcBackendTask -Exactly 0
    }

    It 'runs with -Confirm:$false and takes names by value and by property name' {
        'a', 'b' | Disable-OrcTask -Confirm:$false
        [pscustomobject]@{ Name = 'c' } | Disable-OrcTask
        Should -Invoke Disable-OrcBackendTask -Exactly 3
    }

    It 'only touches the scheduler for a registration without definition, and only the definition when not registered' {
        Disable-OrcTask -Name nodef, unreg
        Should -Invoke Invoke-OrcExec -Exactly 1
        Should -Invoke Disable-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'nodef' }
    }

    It 'writes the mapped error when orc-exec refuses the definition' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 4 -StdErr 'orc-exec: error: insecure' } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Disable-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InsecureDefinition*'
        Should -Invoke Disable-OrcBackendTask -Exactly 0
    }

    It 'returns the task with -PassThru' {
        @(Disable-OrcTask -Name db -PassThru).Name | Should -Be @('db')
    }
}

Describe 'Get-OrcTask | Disable-OrcTask with 50 tasks' {
    # Counted at the ScheduledTasks boundary: the pipeline must cost a constant number of scheduler
    # listings (one for Get-OrcTask, one for Disable-OrcTask, one more for -PassThru), not one per
    # task per task (2 x 50 listings of 50 tasks each before).
    BeforeAll {
        Install-OrcScheduledTasksStub
        $script:names = @(1..50 | ForEach-Object { 'task{0:d2}' -f $_ })
    }
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Test-OrcWindows { $true }
        Mock Invoke-OrcExec {
            New-OrcExecResult -Records @($script:names | ForEach-Object {
                    ConvertTo-OrcTestRecord ('{"schema":"orc.task/v1","name":"' + $_ + '","valid":true,"enabled":true,"definition":{"name":"' + $_ + '","action":{"command":"x"}}}')
                })
        } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord ('{"schema":"orc.define/v1","task":"' + $ArgumentList[1] + '","changed":true}')) } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Mock Get-ScheduledTask {
            foreach ($n in $script:names) {
                [pscustomobject]@{ TaskName = "Orc_$n"; TaskPath = '\Orchestrator\'; State = 'Ready'; Documentation = 'orc-definition-sha256:' + ('B' * 64)
                    Actions = @([pscustomobject]@{ Execute = 'C:\orc-exec.exe' }); Principal = [pscustomobject]@{ UserId = 'SYSTEM' } }
            }
        }
        # As the real one: one MSFT_TaskDynamicInfo per piped task, naming it.
        Mock Get-ScheduledTaskInfo { [pscustomobject]@{ TaskName = $InputObject.TaskName; TaskPath = $InputObject.TaskPath; LastRunTime = $null; LastTaskResult = 0; NextRunTime = $null } }
        Mock Export-ScheduledTask { }
        Mock Disable-ScheduledTask { }
    }

    It 'lists the scheduler''s tasks <Listings> times and disables each task once (-PassThru: <PassThru>)' -ForEach @(
        @{ PassThru = $false; Listings = 2; Output = 0 }
        @{ PassThru = $true; Listings = 3; Output = 50 }
    ) {
        $out = @(Get-OrcTask | Disable-OrcTask -PassThru:$PassThru)
        $out.Count | Should -Be $Output
        Should -Invoke Get-ScheduledTask -Exactly $Listings -Scope It
        Should -Invoke Disable-ScheduledTask -Exactly 50 -Scope It
        Should -Invoke Get-ScheduledTaskInfo -Exactly (50 * $Listings) -Scope It
        Should -Invoke Export-ScheduledTask -Exactly 0 -Scope It
        Should -Invoke Invoke-OrcExec -Exactly $Listings -Scope It -ParameterFilter { $ArgumentList[0] -eq 'list' }
    }
}

Describe 'A scheduler failure under Disable-OrcTask, Enable-OrcTask and Unregister-OrcTask' {
    # A backend that writes an error and then throws, several functions deep, as the cron backend
    # does when the crontab cannot be written: the caller must see one record, not one per layer.
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Get-OrcTask { [pscustomobject]@{ Name = 'db'; State = 'Ready'; Definition = [pscustomobject]@{ name = 'db' } } }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.define/v1","task":"db","changed":true}') } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        $failing = {
            Write-Error -Message 'noise from a lower layer' -ErrorAction Continue
            throw (New-Object System.Management.Automation.ErrorRecord ([System.IO.IOException]'crontab not writable'), 'Orc.CronWriteFailed', 'WriteError', 'db')
        }
        Mock Disable-OrcBackendTask $failing
        Mock Enable-OrcBackendTask $failing
        Mock Unregister-OrcBackendTask $failing
    }

    It '<Command> writes exactly one error record' -ForEach @(
        @{ Command = 'Disable-OrcTask'; Run = { Disable-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue; $err } }
        @{ Command = 'Enable-OrcTask'; Run = { Enable-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue; $err } }
        @{ Command = 'Unregister-OrcTask'; Run = { Unregister-OrcTask -Name db -Force -ErrorVariable err -ErrorAction SilentlyContinue; $err } }
    ) {
        $errors = @(& $Run)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Orc.SchedulerError*'
        "$($errors[0])" | Should -BeLike '*crontab not writable*'
    }
}
