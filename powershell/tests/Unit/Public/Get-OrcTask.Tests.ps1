BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    $script:exe = Join-Path $TestDrive 'orc-exec'
    Set-Content -Path $exe -Value 'x'
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Get-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Invoke-OrcExec {
            New-OrcExecResult -Records @(
                ConvertTo-OrcTestRecord ('{"schema":"orc.task/v1","name":"db","file":"/s/tasks/db.json","valid":true,"enabled":true,"schedule":{"cron":"0 2 * * *"},"command":"x","overlap":"skip","definitionHash":"' + ('a' * 64) + '","definition":{"name":"db"},"lastResult":{"schema":"orc.result/v1","task":"db","status":"FAILED","start":"2026-01-01T02:00:00Z","durationMs":1500,"exitCode":3,"attempts":[{},{}]}}')
                ConvertTo-OrcTestRecord '{"schema":"orc.task/v1","name":"new","valid":true,"enabled":true,"command":"y","nextRun":"2030-01-01T00:00:00Z"}'
                ConvertTo-OrcTestRecord '{"schema":"orc.task/v1","name":"broken","valid":false,"error":"bad json","enabled":false}'
            )
        } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock Get-OrcBackendTask {
            [pscustomobject]@{ Name = 'db'; Enabled = $true; State = 'Ready'; ExecPath = $script:exe; DefinitionHash = ('b' * 64); LastRunTime = $null; LastTaskResult = $null; NextRunTime = [datetime]'2030-01-02'; Schedule = $null; Backend = 'TaskScheduler'; Source = $null }
            [pscustomobject]@{ Name = 'orphan'; Enabled = $true; State = 'Ready'; ExecPath = '/gone/orc-exec'; DefinitionHash = $null; LastRunTime = $null; LastTaskResult = $null; NextRunTime = $null; Schedule = $null; Backend = 'TaskScheduler'; Source = $null }
        }
    }

    It 'has one parameter set with -Name taking pipeline input by value and by property name' {
        $name = (Get-Command Get-OrcTask).Parameters['Name']
        $name.Attributes.ValueFromPipeline | Should -Contain $true
        $name.Attributes.ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'merges definitions and registrations with one list call and one scheduler listing' {
        $tasks = @(Get-OrcTask)
        $tasks.Name | Should -Be @('broken', 'db', 'new', 'orphan')
        $tasks[0].PSObject.TypeNames | Should -Contain 'Orchestrator.Task'
        Should -Invoke Invoke-OrcExec -Exactly 1
        Should -Invoke Get-OrcBackendTask -Exactly 1
    }

    It 'reports drift: <Name> -> <Drift>' -TestCases @(
        @{ Name = 'db'; Drift = 'Changed' }
        @{ Name = 'new'; Drift = 'NotRegistered' }
        @{ Name = 'orphan'; Drift = 'RegisteredWithoutDefinition,MissingExecutable' }
    ) {
        Mock Test-OrcWindows { $true }
        ((Get-OrcTask -Name $Name).Drift -join ',') | Should -Be $Drift
    }

    It 'shows an unscheduled task on cron as OnDemand, not as drift (cron has no line for it by design)' {
        Mock Test-OrcWindows { $false }
        $new = Get-OrcTask -Name new
        $new.State | Should -Be 'OnDemand'
        $new.Drift | Should -BeNullOrEmpty
        $new.Enabled | Should -BeTrue
    }

    It 'shows the last result, schedule, state and next run' {
        $db = Get-OrcTask -Name db
        $db.Schedule | Should -Be '0 2 * * *'
        $db.State | Should -Be 'Ready'
        $db.LastStatus | Should -Be 'FAILED'
        $db.LastResult.PSObject.TypeNames | Should -Contain 'Orchestrator.TaskResult'
        $db.LastResult.Attempts | Should -Be 2
        $db.LastRunTime | Should -Not -BeNullOrEmpty
        (Get-OrcTask -Name new).NextRunTime | Should -Be ([datetime]::Parse('2030-01-01T00:00:00Z').ToLocalTime())
        (Get-OrcTask -Name broken).LastStatus | Should -Be 'INVALID'
    }

    It 'accepts wildcards and pipeline input by value and by property name, still with one list call' {
        @('d*', 'new' | Get-OrcTask).Name | Should -Be @('db', 'new')
        @([pscustomobject]@{ Name = 'orphan' } | Get-OrcTask).Name | Should -Be @('orphan')
        Should -Invoke Invoke-OrcExec -Exactly 2
    }

    It 'writes Orc.TaskNotFound for an exact name that does not exist, not for a wildcard' {
        Get-OrcTask -Name nope -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
        Get-OrcTask -Name 'nope*' -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2 | Should -BeNullOrEmpty
    }

    It 'throws the mapped error when orc-exec list fails' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 4 -StdErr 'orc-exec: error: store writable by Users' } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        { Get-OrcTask } | Should -Throw -ErrorId 'Orc.InsecureDefinition*'
    }

    It 'formats as a table by default' {
        (Get-OrcTask -Name db | Out-String) | Should -Match 'Name\s+State\s+Schedule'
    }
}

Describe 'Get-OrcTask pipeline input from other Orc cmdlets' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Invoke-OrcExec {
            New-OrcExecResult -Output @('{"schema":"orc.task/v1","name":"db","valid":true,"enabled":true,"command":"x"}', '{"schema":"orc.task/v1","name":"web","valid":true,"enabled":true,"command":"y"}')
        } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock Get-OrcBackendTask { }
    }

    It 'binds Get-OrcTaskHistory output (Orchestrator.TaskResult) by its Task property' {
        $results = InModuleScope Orchestrator {
            '{"schema":"orc.result/v1","task":"web","status":"FAILED"}', '{"schema":"orc.result/v1","task":"db","status":"SUCCESS"}' |
                ForEach-Object { ConvertTo-OrcTaskResultObject -Record (ConvertFrom-Json $_) }
        }
        @($results | Get-OrcTask).Name | Should -Be @('web', 'db')
        Should -Invoke Invoke-OrcExec -Exactly 1
    }

    It 'binds objects that carry a TaskName (Task Scheduler objects)' {
        @([pscustomobject]@{ TaskName = 'db' } | Get-OrcTask).Name | Should -Be @('db')
    }
}

Describe 'Get-OrcTask at scale: no work per task outside one loop' {
    # The class of test that would have caught the 4 ms per task: with a thousand tasks, each
    # helper that costs a function call, a cmdlet or a process runs a fixed number of times.
    BeforeAll {
        $script:count = 1000
        $script:exe = Join-Path $TestDrive 'orc-exec'
        Set-Content -Path $exe -Value 'x'
        $script:lines = foreach ($i in 1..$count) {
            '{"schema":"orc.task/v1","name":"t' + $i + '","valid":true,"enabled":true,"schedule":{"cron":"' + ($i % 60) + ' * * * *"},"command":"/bin/true","definitionHash":"' + ('a' * 64) +
            '","nextRun":"2030-01-01T00:00:00Z","lastResult":{"schema":"orc.result/v1","task":"t' + $i + '","status":"SUCCESS","start":"2026-01-01T02:00:00Z","durationMs":15}}'
        }
        $script:registrations = foreach ($i in 1..$count) {
            [pscustomobject]@{ Name = "t$i"; Enabled = $true; State = 'Ready'; ExecPath = $exe; DefinitionHash = ('a' * 64); LastRunTime = $null; LastTaskResult = $null; NextRunTime = $null; Schedule = $null; Backend = 'Cron'; Source = $null }
        }
    }
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Invoke-OrcExec { New-OrcExecResult -Output $script:lines } -ParameterFilter { $ArgumentList[0] -eq 'list' }
        Mock Get-OrcBackendTask { $script:registrations }
        Mock Test-OrcWindows { $false }
        Mock Test-Path { $true } -ParameterFilter { $LiteralPath -eq $script:exe }
        Mock ConvertTo-OrcTaskResultObject { process { [pscustomobject]@{ PSTypeName = 'Orchestrator.TaskResult'; Task = $Record.task; Status = $Record.status; Start = $null } } }
        Mock Format-OrcSchedule { 'x' }
    }

    It 'merges 1,000 tasks with one orc-exec call, one existence check per executable and no formatter call for a plain cron schedule' {
        $tasks = @(Get-OrcTask)
        $tasks.Count | Should -Be $count
        @($tasks | Where-Object Drift).Count | Should -Be 0
        $tasks[0].LastStatus | Should -Be 'SUCCESS'
        $tasks[0].Schedule | Should -Match '^\d+ \* \* \* \*$'
        Should -Invoke Invoke-OrcExec -Exactly 1
        Should -Invoke Test-Path -Exactly 1 -ParameterFilter { $LiteralPath -eq $script:exe }
        Should -Invoke Format-OrcSchedule -Exactly 0
    }
}

Describe 'ConvertFrom-OrcJsonLine' {
    It 'parses <Count> NDJSON records back to the same values in one go' -TestCases @(
        @{ Count = 0 }, @{ Count = 1 }, @{ Count = 2 }, @{ Count = 250 }
    ) {
        $source = @(foreach ($i in 1..$Count) { if ($Count -gt 0) { [ordered]@{ schema = 'orc.task/v1'; name = "t$i"; n = $i; nested = [ordered]@{ list = @($i, 'x') }; text = "a`"b\c $i" } } })
        $lines = @(foreach ($item in $source) { ConvertTo-Json -InputObject $item -Compress -Depth 5 })
        $parsed = @(InModuleScope Orchestrator -Parameters @{ L = $lines } { param($L) ConvertFrom-OrcJsonLine -Line $L })
        $parsed.Count | Should -Be $source.Count
        for ($i = 0; $i -lt $source.Count; $i++) {
            (ConvertTo-Json -InputObject $parsed[$i] -Compress -Depth 5) | Should -Be $lines[$i]
        }
    }

    It 'falls back to line by line and skips what is not JSON' {
        $lines = @('{"name":"a"}', '{"name":', 'plain text', '', '  {"name":"b"}  ')
        $parsed = @(InModuleScope Orchestrator -Parameters @{ L = $lines } { param($L) ConvertFrom-OrcJsonLine -Line $L })
        $parsed.name | Should -Be @('a', 'b')
    }
}
