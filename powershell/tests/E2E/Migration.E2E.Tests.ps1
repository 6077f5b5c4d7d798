# End to end on Linux: a real resident poller (a sh loop writing a heartbeat file, with a config
# file) is migrated to tasks in root's real crontab and rolled back again. Run it under
# `flock /tmp/orc-cron.lock` on a shared machine: it edits the user crontab (restored in AfterAll).
# No cron daemon is needed: nothing here waits for a task to fire.
BeforeDiscovery {
    $script:MigrationSkip = $null
    if (($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows) {
        $script:MigrationSkip = 'the cron backend runs on Linux and macOS only'
    }
    elseif (-not (Test-Path '/proc/self/cmdline')) {
        $script:MigrationSkip = 'legacy process detection reads /proc (Linux)'
    }
    elseif (-not (Get-Command crontab -ErrorAction SilentlyContinue) -or -not (Get-Command setsid -ErrorAction SilentlyContinue)) {
        $script:MigrationSkip = 'no crontab or setsid command (apt-get install cron util-linux)'
    }
    if ($MigrationSkip) { Write-Host "Skipping the migration end-to-end tests: $MigrationSkip" -ForegroundColor Yellow }
    $script:NoExec = -not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)
}

BeforeAll {
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    $script:Created = New-Object System.Collections.Generic.List[string]
    $script:Saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    Import-Module (Join-Path $Root 'Orchestrator.psd1') -Force

    function script:New-TempFolder([string] $Prefix) {
        $path = Join-Path ([System.IO.Path]::GetTempPath()) ($Prefix + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $path | Out-Null
        & chmod 700 $path
        $Created.Add($path)
        return $path
    }

    function script:Wait-Until([scriptblock] $Condition, [int] $Seconds = 15, [string] $Because) {
        $deadline = [datetime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition)) {
            if ([datetime]::UtcNow -gt $deadline) { throw "Timed out after $Seconds s waiting until $Because" }
            Start-Sleep -Milliseconds 100
        }
    }

    # Every process whose argv is exactly the poller's (a zombie is no process).
    function script:Get-PollerProcess([string] $Script) {
        foreach ($dir in [System.IO.Directory]::GetDirectories('/proc')) {
            $leaf = [System.IO.Path]::GetFileName($dir)
            if ($leaf -notmatch '^\d+$') { continue }
            try {
                $argv = ([System.IO.File]::ReadAllText("$dir/cmdline")).TrimEnd([char]0).Split([char]0)
                $state = ([System.IO.File]::ReadAllText("$dir/stat") -split '\) ')[1][0]
                $cwd = (Get-Item -LiteralPath "$dir/cwd" -Force -ErrorAction Stop).Target
                $environ = [System.IO.File]::ReadAllText("$dir/environ")
            }
            catch { continue }
            if ($state -eq 'Z' -or $argv.Count -ne 3 -or $argv[0] -ne 'sh' -or $argv[1] -ne $Script) { continue }
            [pscustomobject]@{ Id = [int]$leaf; Argv = $argv; Cwd = $cwd; Environ = $environ }
        }
    }

    # The legacy poller: loops every second, writes a counter to a heartbeat file in its working
    # directory, reads its config file. Started detached in a new session, as an admin would.
    function script:New-Poller {
        # A space in the path and in an argument: the restart must pass argv as it was, never re-split.
        $dir = New-TempFolder 'orc poller-'
        $script = Join-Path $dir 'poller.sh'
        [System.IO.File]::WriteAllText($script, "n=0`nwhile :; do n=`$((n+1)); cat ./jobs.conf >/dev/null; echo `"`$n `$POLLER_MARK`" > ./heartbeat.tmp; mv ./heartbeat.tmp ./heartbeat; sleep 1; done`n")
        [System.IO.File]::WriteAllText((Join-Path $dir 'jobs.conf'), "# legacy jobs`nexport 0 2 * * * /opt/export.sh`n")
        $mark = [guid]::NewGuid().ToString('N')
        & env "POLLER_MARK=$mark" sh -c "cd '$dir' && setsid -f sh '$script' 'every 1 s' </dev/null >/dev/null 2>&1"
        Wait-Until { @(Get-PollerProcess $script).Count -eq 1 -and (Test-Path (Join-Path $dir 'heartbeat')) } -Because 'the poller runs'
        $process = @(Get-PollerProcess $script)[0]
        [System.IO.File]::WriteAllText((Join-Path $dir 'poller.pid'), "$($process.Id)`n")
        [pscustomobject]@{ Dir = $dir; Script = $script; Config = (Join-Path $dir 'jobs.conf'); Heartbeat = (Join-Path $dir 'heartbeat'); PidFile = (Join-Path $dir 'poller.pid'); Process = $process; Mark = $mark }
    }

    function script:Read-Heartbeat($Poller) {
        try { return [System.IO.File]::ReadAllText($Poller.Heartbeat) } catch { return $null }
    }

    function script:Get-StoreBytes([string] $Store) {
        # Every file of the store but the migration records themselves, with its bytes.
        $map = [ordered]@{}
        foreach ($file in @(Get-ChildItem -LiteralPath $Store -Recurse -File | Where-Object { $_.FullName -notlike "$Store/migrations/*" } | Sort-Object FullName)) {
            $map[$file.FullName] = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file.FullName))
        }
        $map
    }

    function script:Read-Crontab {
        & (Get-Module Orchestrator) { Read-OrcCronTable -Target (Get-OrcCronTarget) }
    }

    function script:Write-Definition([string] $Folder, [string] $Name, [string] $Json) {
        [System.IO.File]::WriteAllText((Join-Path $Folder "$Name.json"), $Json)
    }
}

AfterAll {
    foreach ($k in $Saved.Keys) { [System.Environment]::SetEnvironmentVariable($k, $Saved[$k]) }
    foreach ($path in $Created) { Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction SilentlyContinue }
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
}

Describe 'Start-OrcMigration and Undo-OrcMigration with a resident poller and the real crontab' -Skip:([bool]$MigrationSkip -or $NoExec) {
    BeforeAll {
        # One crontab end-to-end file at a time within a run (the cron E2E takes the same lock).
        $lockPath = Join-Path ([System.IO.Path]::GetTempPath()) 'orchestrator-cron-e2e.lock'
        $deadline = [datetime]::UtcNow.AddMinutes(6)
        $script:Lock = $null
        while (-not $Lock) {
            try { $script:Lock = [System.IO.File]::Open($lockPath, 'OpenOrCreate', 'ReadWrite', 'None') }
            catch [System.IO.IOException] {
                if ([datetime]::UtcNow -gt $deadline) { throw "another cron end-to-end run holds $lockPath" }
                Start-Sleep -Seconds 2
            }
        }
        $env:ORC_CRON_TARGET = 'user'
        $script:Backup = Read-Crontab
        # A foreign line, so "byte for byte" covers lines that are not ours.
        $foreign = $Backup + "# keep me`n17 3 * * * /bin/true # foreign`n"
        & (Get-Module Orchestrator) { param($C) Write-OrcCronTable -Target (Get-OrcCronTarget) -Content $C } $foreign
        $script:Pollers = New-Object System.Collections.Generic.List[object]
    }

    AfterAll {
        try {
            foreach ($poller in $Pollers) {
                foreach ($p in @(Get-PollerProcess $poller.Script)) { & kill -KILL $p.Id 2>$null }
            }
            & (Get-Module Orchestrator) { param($C) Write-OrcCronTable -Target (Get-OrcCronTarget) -Content $C } $Backup
        }
        finally {
            if ($Lock) { $Lock.Dispose() }
        }
    }

    Context 'when a poller runs and the migration replaces one existing task' {
        BeforeAll {
            $script:Store = New-TempFolder 'orc-mig-'
            $env:ORC_HOME = $Store
            $script:Defs = New-TempFolder 'orc-mig-defs-'
            $script:Poller = New-Poller
            $Pollers.Add($Poller)
            # Already there before the migration, with another command and schedule; disabled.
            Register-OrcTask -Name mig-e2e-keep -Command /bin/false -Cron '0 1 * * *' -Description 'before the migration'
            Disable-OrcTask -Name mig-e2e-keep -Confirm:$false
            Write-Definition $Defs 'mig-e2e-new' '{"name":"mig-e2e-new","action":{"command":"/bin/true"},"schedule":{"cron":"*/5 * * * *"}}'
            Write-Definition $Defs 'mig-e2e-keep' '{"name":"mig-e2e-keep","action":{"command":"/bin/echo","arguments":["migrated"]},"schedule":{"cron":"30 2 * * *"}}'
            Write-Definition $Defs 'mig-e2e-interval' '{"name":"mig-e2e-interval","action":{"command":"/bin/true"},"schedule":{"interval":"15m"}}'
            $script:CrontabBefore = Read-Crontab
            $script:StoreBefore = Get-StoreBytes $Store
            $script:Parameters = @{ Name = 'e2e'; DefinitionPath = $Defs; LegacyCommandLine = "sh $($Poller.Script) *"; LegacyConfigPath = $Poller.Config; StopTimeout = '5s' }
        }

        It 'changes nothing with -WhatIf: no task, no crontab line, no record, the poller keeps running' {
            Start-OrcMigration @Parameters -WhatIf
            Read-Crontab | Should -BeExactly $CrontabBefore
            (Get-StoreBytes $Store).Keys | Should -Be @($StoreBefore.Keys)
            Test-Path (Join-Path $Store 'migrations') | Should -BeFalse
            @(Get-PollerProcess $Poller.Script).Id | Should -Be $Poller.Process.Id
        }

        It 'registers every task in the crontab, validates them, stops the poller and records each step' {
            $migration = Start-OrcMigration @Parameters -PassThru
            $migration.Status | Should -Be 'Completed'
            @($migration.Steps.Keys) | Should -Be @('detect', 'snapshot', 'register', 'validate', 'stop', 'record')
            $migration.Added | Should -Be @('mig-e2e-interval', 'mig-e2e-new')
            $migration.Replaced | Should -Be @('mig-e2e-keep')
            $migration.LegacyProcessId | Should -Be $Poller.Process.Id
            Wait-Until { @(Get-PollerProcess $Poller.Script).Count -eq 0 } -Because 'the poller is stopped'
            $crontab = Read-Crontab
            $crontab | Should -Match "(?m)^\*/5 \* \* \* \* .* run mig-e2e-new .*# orchestrator:task=mig-e2e-new$"
            $crontab | Should -Match "(?m)^30 2 \* \* \* .* run mig-e2e-keep .*# orchestrator:task=mig-e2e-keep$"
            $crontab | Should -Match "(?m)^\*/15 \* \* \* \* .*# orchestrator:task=mig-e2e-interval$"
            (Get-OrcTask -Name mig-e2e-keep).Command | Should -Be '/bin/echo'
            $manifest = Get-Content -Raw (Join-Path $migration.Path 'snapshot/manifest.json') | ConvertFrom-Json
            $manifest.legacy.Argv | Should -Be @('sh', $Poller.Script, 'every 1 s')
            $manifest.legacy.WorkingDirectory | Should -Be $Poller.Dir
        }

        It 'is a no-op when started again: no write to the crontab, the store or the record' {
            $statePath = Join-Path $Store 'migrations/e2e/state.json'
            $stateBefore = [System.IO.File]::ReadAllBytes($statePath)
            $crontab = Read-Crontab
            $storeNow = Get-StoreBytes $Store
            Start-OrcMigration @Parameters
            [System.IO.File]::ReadAllBytes($statePath) | Should -Be $stateBefore
            Read-Crontab | Should -BeExactly $crontab
            (Get-StoreBytes $Store) | ConvertTo-Json | Should -BeExactly ($storeNow | ConvertTo-Json)
        }

        It 'rolls back: crontab and store bytes as before, config restored, poller restarted the same way and beating' {
            [System.IO.File]::WriteAllText($Poller.Config, "# emptied by the admin after the migration`n")
            Undo-OrcMigration -Name e2e -Confirm:$false
            Read-Crontab | Should -BeExactly $CrontabBefore
            (Get-StoreBytes $Store) | ConvertTo-Json | Should -BeExactly ($StoreBefore | ConvertTo-Json)
            [System.IO.File]::ReadAllText($Poller.Config) | Should -BeExactly "# legacy jobs`nexport 0 2 * * * /opt/export.sh`n"
            $again = @(Get-PollerProcess $Poller.Script)
            $again.Count | Should -Be 1
            $again[0].Id | Should -Not -Be $Poller.Process.Id
            $again[0].Argv | Should -Be $Poller.Process.Argv
            $again[0].Cwd | Should -Be $Poller.Process.Cwd
            $again[0].Environ | Should -BeExactly $Poller.Process.Environ
            $beat = Read-Heartbeat $Poller
            Wait-Until { $now = Read-Heartbeat $Poller; $now -and $now -ne $beat -and $now.EndsWith(" $($Poller.Mark)`n") } -Because 'the restarted poller writes its heartbeat'
            (Get-OrcMigration -Name e2e).Status | Should -Be 'RolledBack'
            (Get-OrcTask -Name mig-e2e-keep).Enabled | Should -BeFalse
        }

        It 'is a no-op when undone again: the poller is not started twice' {
            Undo-OrcMigration -Name e2e -Confirm:$false
            @(Get-PollerProcess $Poller.Script).Count | Should -Be 1
            Read-Crontab | Should -BeExactly $CrontabBefore
        }
    }

    Context 'when validation fails' {
        BeforeAll {
            $script:Store = New-TempFolder 'orc-mig-'
            $env:ORC_HOME = $Store
            $script:Defs = New-TempFolder 'orc-mig-defs-'
            $script:Poller = New-Poller
            $Pollers.Add($Poller)
            # An installed Orchestrator: one task of its own, untouched by the migration.
            Register-OrcTask -Name mig-e2e-other -Command /bin/true -Cron '0 4 * * *'
            Write-Definition $Defs 'mig-e2e-ok' '{"name":"mig-e2e-ok","action":{"command":"/bin/true"},"schedule":{"cron":"0 3 * * *"}}'
            # Cron cannot run a logon trigger: registration fails, so validation must.
            Write-Definition $Defs 'mig-e2e-logon' '{"name":"mig-e2e-logon","action":{"command":"/bin/true"},"schedule":{"logon":{}}}'
            $script:CrontabBefore = Read-Crontab
            $script:StoreBefore = Get-StoreBytes $Store
        }

        It 'leaves the poller running, records the failure and says which task failed and why' {
            { Start-OrcMigration -Name bad -DefinitionPath $Defs -LegacyPidFile $Poller.PidFile -StopTimeout '5s' } |
                Should -Throw -ErrorId 'Orc.MigrationValidationFailed,*' -ExpectedMessage "*legacy process was left running*Task 'mig-e2e-logon'*schedule.logon cannot be expressed in cron*"
            @(Get-PollerProcess $Poller.Script).Id | Should -Be $Poller.Process.Id
            $migration = Get-OrcMigration -Name bad
            $migration.Status | Should -Be 'Failed'
            $migration.Error | Should -BeLike 'validate:*mig-e2e-logon*'
            @($migration.Steps.Keys) | Should -Be @('detect', 'snapshot')
        }

        It 'resumes where it failed once the definition is fixed: registers again, validates, stops the poller' {
            Write-Definition $Defs 'mig-e2e-logon' '{"name":"mig-e2e-logon","action":{"command":"/bin/true"},"schedule":{"startup":{}}}'
            $migration = Start-OrcMigration -Name bad -DefinitionPath $Defs -LegacyPidFile $Poller.PidFile -StopTimeout '5s' -PassThru
            $migration.Status | Should -Be 'Completed'
            @($migration.Steps.Keys) | Should -Be @('detect', 'snapshot', 'register', 'validate', 'stop', 'record')
            Read-Crontab | Should -Match '(?m)^@reboot .*# orchestrator:task=mig-e2e-logon$'
            Wait-Until { @(Get-PollerProcess $Poller.Script).Count -eq 0 } -Because 'the poller is stopped'
        }

        It 'rolls back to the state before the first attempt and starts the poller once' {
            Undo-OrcMigration -Name bad -Confirm:$false
            Read-Crontab | Should -BeExactly $CrontabBefore
            (Get-StoreBytes $Store) | ConvertTo-Json | Should -BeExactly ($StoreBefore | ConvertTo-Json)
            Wait-Until { @(Get-PollerProcess $Poller.Script).Count -eq 1 } -Because 'the poller runs again'
            @(Get-PollerProcess $Poller.Script).Count | Should -Be 1
        }
    }
}
