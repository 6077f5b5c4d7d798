# Drift beyond the definition hash: a registration edited in taskschd.msc (Get-OrcTask -Detailed),
# and Register-OrcTask -Force to push the definition again. The XML on both sides comes from the
# real orc-exec (ORC_EXEC_PATH); only the ScheduledTasks boundary is mocked.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Install-OrcScheduledTasksStub
    Import-OrcTestModule
    $script:savedHome = $env:ORC_HOME
    $env:ORC_HOME = Join-Path $TestDrive 'store'
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $env:ORC_HOME 'tasks')
    if (-not ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop')) { & chmod 700 $env:ORC_HOME (Join-Path $env:ORC_HOME 'tasks') }
    $script:exe = Join-Path $TestDrive 'orc-exec.exe'
    Set-Content -Path $exe -Value 'x'
    $definition = '{"name":"db","action":{"command":"C:\\Tools\\export.exe"},"schedule":{"cron":"30 2 * * 1-5"},"timeout":"1h","runAs":{"type":"gmsa","user":"CORP\\svc$"}}'
    $null = $definition | & $env:ORC_EXEC_PATH define --file - --home $env:ORC_HOME
    # What Task Scheduler would hand back: the rendered XML, as Export-ScheduledTask returns it.
    $script:rendered = (& $env:ORC_EXEC_PATH render db --exec-path $exe --home $env:ORC_HOME) -join "`r`n"
    $script:hash = [regex]::Match($rendered, '[0-9a-f]{64}').Value
    $script:exported = '<?xml version="1.0" encoding="UTF-16"?>' + "`r`n" + ($rendered -replace '<Date>[^<]*</Date>', '<Date>2026-11-30T21:00:00.1234567</Date>' -replace 'id="Author"', 'id="Principal"' -replace 'Context="Author"', 'Context="Principal"')
}
AfterAll {
    $env:ORC_HOME = $savedHome
    Remove-OrcTestModule
}

Describe 'Get-OrcTask -Detailed on Task Scheduler' {
    BeforeEach {
        Mock Test-OrcWindows { $true }
        Mock Get-ScheduledTask {
            [pscustomobject]@{ TaskName = 'Orc_db'; TaskPath = '\Orchestrator\'; State = 'Ready'; Documentation = "definition-sha256=$script:hash"
                Actions = @([pscustomobject]@{ Execute = $script:exe }); Principal = [pscustomobject]@{ UserId = 'CORP\svc$' } }
        }
        Mock Get-ScheduledTaskInfo { [pscustomobject]@{ TaskName = 'Orc_db'; LastRunTime = $null; LastTaskResult = 267011; NextRunTime = $null } }
        Mock Export-ScheduledTask { $script:exported }
    }

    It 'shows no drift for a registration as Task Scheduler rewrites it' {
        $task = Get-OrcTask -Name db -Detailed
        $task.Drift | Should -BeNullOrEmpty
        $task.DriftReason | Should -BeNullOrEmpty
        Should -Invoke Export-ScheduledTask -Exactly 1 -ParameterFilter { $TaskPath -eq '\Orchestrator\' -and $TaskName -eq 'Orc_db' }
    }

    It 'reports a hand edit of <Part> as Drift Modified with <Part> in DriftReason' -TestCases @(
        @{ Part = 'Triggers'; From = '<StartBoundary>(\d{4}-\d\d-\d\d)T02:30:00'; To = '<StartBoundary>$1T04:30:00' }
        @{ Part = 'Principal'; From = '<UserId>CORP\\svc\$</UserId>'; To = '<UserId>CORP\admin</UserId>' }
        @{ Part = 'Settings'; From = '<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>'; To = '<MultipleInstancesPolicy>Parallel</MultipleInstancesPolicy>' }
        @{ Part = 'Actions'; From = '<Arguments>run db'; To = '<Arguments>run db --verbose' }
    ) {
        $edited = $script:exported -replace $From, $To
        $edited | Should -Not -Be $script:exported
        Mock Export-ScheduledTask { $edited }
        $task = Get-OrcTask -Name db -Detailed
        $task.Drift | Should -Contain 'Modified'
        $task.DriftReason | Should -Match $Part
        foreach ($other in @('Triggers', 'Principal', 'Settings', 'Actions') | Where-Object { $_ -ne $Part }) { $task.DriftReason | Should -Not -Match $other }
    }

    It 'stays cheap without -Detailed: no Export-ScheduledTask, hash and executable only' {
        Mock Export-ScheduledTask { $script:exported -replace '<UserId>CORP\\svc\$</UserId>', '<UserId>CORP\admin</UserId>' }
        (Get-OrcTask -Name db).Drift | Should -BeNullOrEmpty
        Should -Invoke Export-ScheduledTask -Exactly 0
    }

    It 'says elevation is needed when the export is denied' {
        Mock Export-ScheduledTask { Write-OrcScheduledTasksError -Kind AccessDenied -Cmdlet 'Export-ScheduledTask' -BoundParameters $PesterBoundParameters }
        { Get-OrcTask -Name db -Detailed } | Should -Throw -ErrorId 'Orc.AccessDenied*'
    }
}

Describe 'Register-OrcTask -Force' {
    BeforeEach {
        Mock Test-OrcWindows { $false }
        Mock Install-OrcExecutable { $script:exe }
        Mock Get-OrcBackendTask { [pscustomobject]@{ Name = 'db'; Enabled = $true; State = 'Ready'; ExecPath = $script:exe; DefinitionHash = $script:hash; Backend = 'Cron' } }
        Mock Register-OrcBackendTask { [pscustomobject]@{ Name = 'db'; Changed = $true } }
    }

    It 'leaves an unchanged, registered definition alone without -Force' {
        Register-OrcTask -Path (Join-Path $env:ORC_HOME 'tasks/db.json')
        Should -Invoke Register-OrcBackendTask -Exactly 0
    }

    It 'registers it with the scheduler again with -Force' {
        Register-OrcTask -Path (Join-Path $env:ORC_HOME 'tasks/db.json') -Force
        Should -Invoke Register-OrcBackendTask -Exactly 1 -ParameterFilter { $Definition.name -eq 'db' -and $ExecPath -eq $script:exe }
    }
}

Describe 'orc-exec render --all (the batch Get-OrcTask -Detailed uses)' {
    It 'prints one orc.render/v1 record per task with its XML, compared only when its registered XML is given' {
        $lines = @(& $env:ORC_EXEC_PATH render --all --exec-path $script:exe --home $env:ORC_HOME --output json)
        $LASTEXITCODE | Should -Be 0
        $records = @($lines | ForEach-Object { $_ | ConvertFrom-Json })
        $records.Count | Should -Be 1
        $records[0].schema | Should -Be 'orc.render/v1'
        $records[0].task | Should -Be 'db'
        $records[0].xml | Should -Match '<Task '
        $records[0].PSObject.Properties['compared'] | Should -BeNullOrEmpty
    }

    It 'refuses a --registered line that is not {task, xml}, naming the line (usage, exit 2)' {
        $null = 'not json' | & $env:ORC_EXEC_PATH render --all --registered - --home $env:ORC_HOME --output json 2>&1
        $LASTEXITCODE | Should -Be 2
        $message = ('not json' | & $env:ORC_EXEC_PATH render --all --registered - --home $env:ORC_HOME --output json 2>&1) -join ' '
        $message | Should -Match 'registered line 1'
    }

    It 'refuses --all with a task name (usage, exit 2)' {
        $null = & $env:ORC_EXEC_PATH render db --all --home $env:ORC_HOME --output json 2>&1
        $LASTEXITCODE | Should -Be 2
    }
}
