# scripts/windows-smoke.ps1 against the ScheduledTasks stub (TestHelpers.ps1) made stateful by
# mocks: Register/Get/Export/Unregister keep the registered XML, and Start-ScheduledTask runs the
# registered task's action for real (this host's orc-exec), recording its exit code as
# LastTaskResult the way Task Scheduler does. The module runs its Windows branch (Test-OrcWindows
# mocked); Get-Acl is mocked because this host has no Windows DACLs.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Install-OrcScheduledTasksStub
    Import-OrcTestModule
    $script:smoke = Join-Path $RepoRoot 'scripts/windows-smoke.ps1'
    # pwsh on Linux has no Get-Acl, and Wine's DACLs are made up from Unix modes: a global
    # function (which wins over the cmdlet) answers with the SDDL a test puts in
    # $global:OrcSmokeSddl for the path's last element ('*' for any other path).
    function global:Get-Acl {
        param([string] $LiteralPath)
        $leaf = Split-Path -Leaf $LiteralPath
        $sddl = $global:OrcSmokeSddl['*']
        if ($global:OrcSmokeSddl.ContainsKey($leaf)) { $sddl = $global:OrcSmokeSddl[$leaf] }
        [pscustomobject]@{ Path = $LiteralPath; Sddl = $sddl }
    }
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ProgramW6432 = $env:ProgramW6432 }
    # The tasks' commands: /bin/sh here; in the Windows pwsh host (Wine) this pwsh by full path,
    # since Wine does not resolve bare names and its cmd.exe and ping.exe are not Windows'.
    $script:smokeCommands = @{
        SucceedCommand = @('/bin/sh', '-c', 'exit 0')
        FailCommand    = @('/bin/sh', '-c', 'exit 3')
        SleepCommand   = @('/bin/sleep', '60')
    }
    if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        # Scripts run with -File first: the Wine lane's host (winpwsh) runs -File in a hosted runspace,
        # while -Command needs a console, which a task's child has none of there (it died with
        # 0xE0434352). pwsh.exe and powershell.exe on a real host take -File the same way.
        $pwsh = (Get-Process -Id $PID).Path
        $scripts = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-smoke-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $scripts
        Set-Content -LiteralPath (Join-Path $scripts 'ok.ps1') -Value 'exit 0'
        Set-Content -LiteralPath (Join-Path $scripts 'fail.ps1') -Value 'exit 3'
        Set-Content -LiteralPath (Join-Path $scripts 'sleep.ps1') -Value 'Start-Sleep -Seconds 60'
        $script:smokeCommands = @{
            SucceedCommand = @($pwsh, '-File', (Join-Path $scripts 'ok.ps1'))
            FailCommand    = @($pwsh, '-File', (Join-Path $scripts 'fail.ps1'))
            SleepCommand   = @($pwsh, '-File', (Join-Path $scripts 'sleep.ps1'))
        }
    }
    $script:goodFolder = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)'
    $script:goodSecret = 'O:BAG:SYD:P(A;;FA;;;SY)(A;;FA;;;BA)'
}
AfterAll {
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ProgramW6432 = $script:saved.ProgramW6432
    Remove-Item -Path function:global:Get-Acl
    Remove-Variable -Name OrcSmokeSddl, OrcSmokeScheduler -Scope Global -ErrorAction SilentlyContinue
    Remove-OrcTestModule
}

Describe 'scripts/windows-smoke.ps1' {
    BeforeEach {
        $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-smoke-' + [guid]::NewGuid().ToString('N'))
        # Install-OrcExecutable puts orc-exec.exe under "$env:ProgramW6432\Orchestrator" on Windows.
        $env:ProgramW6432 = "$env:ORC_HOME-programfiles"
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME
        $global:OrcSmokeScheduler = @{}

        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
        Mock Register-ScheduledTask {
            $global:OrcSmokeScheduler[$TaskName] = [pscustomobject]@{ TaskName = $TaskName; TaskPath = $TaskPath; State = 'Ready'; Xml = $Xml; LastTaskResult = 267011; LastRunTime = $null }
        }
        # Mock bodies run in the module's scope, under its strict mode: read what was passed
        # from $PSBoundParameters, since an unbound parameter variable throws there.
        Mock Get-ScheduledTask {
            foreach ($task in @($global:OrcSmokeScheduler.Values)) {
                if ($PSBoundParameters['TaskPath'] -and $task.TaskPath -ne $PSBoundParameters['TaskPath']) { continue }
                if ($PSBoundParameters['TaskName'] -and $task.TaskName -ne $PSBoundParameters['TaskName']) { continue }
                [pscustomobject]@{ TaskName = $task.TaskName; TaskPath = $task.TaskPath; State = $task.State; Actions = @(); Principal = $null }
            }
        }
        Mock Get-ScheduledTaskInfo {
            foreach ($task in @($InputObject)) {
                $entry = $global:OrcSmokeScheduler[$task.TaskName]
                [pscustomobject]@{ TaskName = $entry.TaskName; TaskPath = $entry.TaskPath; LastTaskResult = $entry.LastTaskResult; LastRunTime = $entry.LastRunTime; NextRunTime = $null }
            }
        }
        Mock Export-ScheduledTask { $global:OrcSmokeScheduler[$TaskName].Xml }
        Mock Unregister-ScheduledTask { $global:OrcSmokeScheduler.Remove($TaskName) }
        Mock Start-ScheduledTask {
            # What the registered action does: 'orc-exec run <name>'; its exit code is LastTaskResult.
            $entry = $global:OrcSmokeScheduler[$TaskName]
            $entry.LastRunTime = Get-Date
            & $env:ORC_EXEC_PATH run ($TaskName -replace '^Orc_', '') *> $null
            $entry.LastTaskResult = $LASTEXITCODE
        }
        $global:OrcSmokeSddl = @{ '*' = $goodFolder; 'notify.secret' = $goodSecret }
    }
    AfterEach {
        Remove-Item -Recurse -Force $env:ORC_HOME, "$env:ORC_HOME-programfiles" -ErrorAction SilentlyContinue
    }

    Context 'when every check holds' {
        It 'registers four tasks in \Orchestrator\, passes each check, removes them and exits 0' {
            $results = & $smoke @smokeCommands -Prefix smk -TimeoutSec 60 -PassThru 6> $null
            $LASTEXITCODE | Should -Be 0
            @($results | Where-Object Result -eq 'FAIL' | ForEach-Object { "$($_.Check): $($_.Detail)" }) | Should -BeNullOrEmpty
            $checks = @($results | Where-Object Result -eq 'PASS' | ForEach-Object Check)
            foreach ($name in 'smk-ok', 'smk-fail', 'smk-timeout', 'smk-dep') {
                $checks | Should -Contain "register $name"
                $checks | Should -Contain "history $name"
                $checks | Should -Contain "remove $name"
            }
            $checks | Should -Contain 'run smk-timeout -> TIMEOUT'
            $checks | Should -Contain 'LastTaskResult smk-timeout = 5'
            $checks | Should -Contain 'LastTaskResult smk-fail = 1'
            $checks | Should -Contain 'ACL history\ (SYSTEM and Administrators only)'
            Should -Invoke Register-ScheduledTask -ModuleName Orchestrator -Exactly 4 -ParameterFilter { $TaskPath -eq '\Orchestrator\' -and $TaskName -like 'Orc_smk-*' }
            $global:OrcSmokeScheduler.Count | Should -Be 0
            @(Get-ChildItem -Path (Join-Path $env:ORC_HOME 'tasks') -Filter *.json).Count | Should -Be 0
        }
    }

    Context 'when a check fails' {
        It 'reports FAIL for a history folder that grants Users, still removes every task and exits 1' {
            $global:OrcSmokeSddl['history'] = 'O:BAG:SYD:AI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIID;0x1200a9;;;BU)'
            $results = & $smoke @smokeCommands -Prefix smk -TimeoutSec 60 -PassThru 6> $null
            $LASTEXITCODE | Should -Be 1
            $failed = @($results | Where-Object Result -eq 'FAIL')
            $failed.Count | Should -Be 1
            $failed[0].Check | Should -Be 'ACL history\ (SYSTEM and Administrators only)'
            $failed[0].Detail | Should -BeLike '*grants BU*'
            $global:OrcSmokeScheduler.Count | Should -Be 0
        }

        It 'compares the secret''s DACL exactly with D:P(A;;FA;;;SY)(A;;FA;;;BA)' {
            $state = New-Item -ItemType Directory -Path (Join-Path $env:ORC_HOME 'state')
            Set-Content -LiteralPath (Join-Path $state.FullName 'notify.secret') -Value 'x'
            $global:OrcSmokeSddl['notify.secret'] = 'O:BAG:SYD:(A;;FA;;;SY)(A;;FA;;;BA)'
            $results = & $smoke @smokeCommands -Prefix smk -TimeoutSec 60 -PassThru 6> $null
            $LASTEXITCODE | Should -Be 1
            $secret = @($results | Where-Object Check -like 'ACL state\notify.secret*')
            $secret[0].Result | Should -Be 'FAIL'
            $secret[0].Detail | Should -Be 'DACL is D:(A;;FA;;;SY)(A;;FA;;;BA)'
        }

        It 'removes the tasks it registered when Task Scheduler refuses to start them, and exits 1' {
            Mock Start-ScheduledTask { throw 'The service cannot be started.' }
            $results = & $smoke @smokeCommands -Prefix smk -TimeoutSec 10 -PassThru 6> $null
            $LASTEXITCODE | Should -Be 1
            @($results | Where-Object { $_.Check -like 'run *' -and $_.Result -eq 'PASS' }).Count | Should -Be 0
            @($results | Where-Object { $_.Check -like 'remove *' -and $_.Result -eq 'PASS' }).Count | Should -Be 4
            $global:OrcSmokeScheduler.Count | Should -Be 0
        }
    }

    Context 'with -WhatIf' {
        It 'registers, starts and removes nothing' {
            $null = & $smoke @smokeCommands -Prefix smk -WhatIf -PassThru 6> $null
            Should -Invoke Register-ScheduledTask -ModuleName Orchestrator -Exactly 0
            Should -Invoke Start-ScheduledTask -ModuleName Orchestrator -Exactly 0
            $LASTEXITCODE | Should -Be 0
        }
    }

    It 'passes the Windows PowerShell 5.1 check' {
        . (Join-Path $RepoRoot 'powershell/tests/QA/Find-Pwsh7Construct.ps1')
        @(Find-Pwsh7Construct -Path $smoke -StrictMode | ForEach-Object { $_.ToString() }) | Should -BeNullOrEmpty
    }
}
