# The cmdlets against the real orc-exec (ORC_EXEC_PATH, built by build.ps1) in a throw-away
# store. The scheduler backend is mocked: these tests cover the module <-> orc-exec boundary
# (define, list, validate, check, history, undefine); the cron E2E tests cover the scheduler.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    Install-OrcCronStub
    $script:savedHome = $env:ORC_HOME
    $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-module-' + [guid]::NewGuid().ToString('N'))
    $script:registered = @{}
    Mock Register-OrcBackendTask { $script:registered[$Definition.name] = $ExecPath; [pscustomobject]@{ Name = $Definition.name; Changed = $true } }
    Mock Get-OrcBackendTask {
        foreach ($n in @($script:registered.Keys)) {
            if (-not $Name -or $Name -contains $n) {
                [pscustomobject]@{ Name = $n; Enabled = $true; State = 'Ready'; ExecPath = $script:registered[$n]; DefinitionHash = $null; LastRunTime = $null; LastTaskResult = $null; NextRunTime = $null; Schedule = $null; Backend = 'Mock'; Source = $null }
            }
        }
    }
    Mock Unregister-OrcBackendTask { $had = $script:registered.ContainsKey($Name); $script:registered.Remove($Name); $had }
    $script:shell = 'sh'
    $script:shellArgs = { param($s) @('-c', $s) }
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        $script:shell = 'cmd.exe'
        $script:shellArgs = { param($s) @('/c', $s) }
    }
}
AfterAll {
    Remove-Item -Recurse -Force $env:ORC_HOME -ErrorAction SilentlyContinue
    $env:ORC_HOME = $savedHome
    Remove-OrcTestModule
}

Describe 'The module with the real orc-exec' {
    It 'registers a task: orc-exec stores the definition and the stable orc-exec is installed' {
        Register-OrcTask -Name hello -Command $shell -ArgumentList (& $shellArgs 'echo hello') -Cron '*/5 * * * *' -Timeout '00:01:00'
        Test-Path (Join-Path $env:ORC_HOME 'tasks/hello.json') | Should -BeTrue
        $script:registered['hello'] | Should -Exist
        $stored = Get-Content -Raw (Join-Path $env:ORC_HOME 'tasks/hello.json') | ConvertFrom-Json
        $stored.schedule.cron | Should -Be '*/5 * * * *'
        $stored.timeout | Should -Be '1m'
    }

    It 'says an unchanged registration changes nothing' {
        Register-OrcTask -Name hello -Command $shell -ArgumentList (& $shellArgs 'echo hello') -Cron '*/5 * * * *' -Timeout '00:01:00' -InformationVariable iv -InformationAction SilentlyContinue
        "$iv" | Should -BeLike '*unchanged*'
        Should -Invoke Register-OrcBackendTask -Exactly 1 -Scope Describe
    }

    It 'reports orc-exec''s validation error with its stable ID' {
        Register-OrcTask -Name broken -Command x -Cron 'every day' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InvalidDefinition*'
        "$($err[0])" | Should -BeLike '*schedule.cron*fix:*'
    }

    It 'lists the task with Get-OrcTask' {
        $t = Get-OrcTask -Name hello
        $t.Valid | Should -BeTrue
        $t.Schedule | Should -Be '*/5 * * * *'
        $t.Drift | Should -BeNullOrEmpty
    }

    It 'changes a field with Set-OrcTask and keeps the rest' {
        Set-OrcTask -Name hello -Timeout '00:02:00' -Description 'Says hello.'
        $t = Get-OrcTask -Name hello
        $t.Timeout | Should -Be '2m'
        $t.Description | Should -Be 'Says hello.'
        $t.Schedule | Should -Be '*/5 * * * *'
    }

    It 'tests dependencies with Test-OrcTask' {
        Register-OrcTask -Name after -Command $shell -ArgumentList (& $shellArgs 'echo after') -DependsOn hello
        $r = @(Test-OrcTask -Name after)
        $r.Count | Should -Be 1
        $r[0].Type | Should -Be 'task'
        $r[0].Met | Should -BeFalse
        Test-OrcTask -Name after -Quiet | Should -BeFalse
    }

    It 'reads history written by a run' {
        $null = & $env:ORC_EXEC_PATH run hello --manual --home $env:ORC_HOME --output json
        $h = @(Get-OrcTaskHistory -Name hello -Last 1)
        $h.Count | Should -Be 1
        $h[0].Status | Should -Be 'SUCCESS'
        $h[0].OutputTail | Should -Match 'hello'
        (Get-OrcTask -Name hello).LastStatus | Should -Be 'SUCCESS'
        Test-OrcTask -Name after -Quiet | Should -BeTrue
    }

    It 'disables and enables through the definition' {
        Disable-OrcTask -Name hello
        (Get-Content -Raw (Join-Path $env:ORC_HOME 'tasks/hello.json') | ConvertFrom-Json).enabled | Should -BeFalse
        Enable-OrcTask -Name hello
        (Get-OrcTask -Name hello).Enabled | Should -BeTrue
    }

    It 'removes registration and definition with Unregister-OrcTask, keeping history' {
        Unregister-OrcTask -Name hello -Force
        Test-Path (Join-Path $env:ORC_HOME 'tasks/hello.json') | Should -BeFalse
        $script:registered.ContainsKey('hello') | Should -BeFalse
        @(Get-OrcTaskHistory -Name hello).Count | Should -BeGreaterThan 0
        Get-OrcTask -Name hello -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
    }

    It 'completes task names from the store' {
        $completions = TabExpansion2 -inputScript 'Get-OrcTask -Name af' -cursorColumn 'Get-OrcTask -Name af'.Length
        $completions.CompletionMatches.CompletionText | Should -Contain 'after'
    }
}
