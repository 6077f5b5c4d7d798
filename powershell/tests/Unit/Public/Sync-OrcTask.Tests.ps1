# Sync-OrcTask on the cron backend with the real orc-exec and a crontab file (ORC_CRON_TARGET, not
# the machine's crontab): what it writes is asserted on the crontab's bytes and the store's files.
# The Task Scheduler backend is covered on the ScheduledTasks double in Integration/Sync-OrcTask.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    $script:foreign = "# a line of someone else's`n17 3 * * * /usr/bin/foreign --job`n"
    # The original Invoke-OrcExec, so that a counting mock can pass every call through.
    $script:realInvoke = & (Get-Module Orchestrator) { ${function:Invoke-OrcExec} }

    function script:Reset-Machine {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-sync-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $script:root 'home'
        $env:ORC_CRON_TARGET = Join-Path $script:root 'crontab'
        $script:desired = Join-Path $script:root 'desired'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME, $script:desired
        [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, $script:foreign)
    }
    function script:Set-Definition([string] $Name, [string] $Cron = '0 2 * * *', [string] $Extra = '') {
        $json = '{"name":"' + $Name + '","action":{"command":"/bin/true"},"schedule":{"cron":"' + $Cron + '"}' + $Extra + '}'
        [System.IO.File]::WriteAllText((Join-Path $script:desired "$Name.json"), $json)
    }
    function script:Get-MachineState {
        # Everything a sync may write: the crontab's bytes, each stored file's bytes and time.
        $files = @(Get-ChildItem -Path (Join-Path $env:ORC_HOME 'tasks') -File -ErrorAction SilentlyContinue | Sort-Object Name |
                ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.LastWriteTimeUtc.Ticks, (Get-FileHash -LiteralPath $_.FullName).Hash })
        [pscustomobject]@{ Cron = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET)); Store = ($files -join "`n") }
    }
}
AfterAll {
    foreach ($key in $script:saved.Keys) {
        if ($null -eq $script:saved[$key]) { Remove-Item -Path "env:$key" -ErrorAction SilentlyContinue }
        else { Set-Item -Path "env:$key" -Value $script:saved[$key] }
    }
    Remove-OrcTestModule
}

Describe 'Sync-OrcTask on the cron backend' -Tag 'NotOnWine.CronBackend' {
    BeforeEach {
        Reset-Machine
        foreach ($n in 'alpha', 'beta', 'gamma') { Set-Definition $n }
    }
    AfterEach { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

    Context 'when the folder is synced for the first time' {
        It 'adds every task, one result each, and keeps the foreign crontab lines' {
            $results = @(Sync-OrcTask -Path $script:desired -PassThru)
            $results.Name | Should -Be @('alpha', 'beta', 'gamma')
            $results.Action | Should -Be @('Added', 'Added', 'Added')
            $results[0].PSObject.TypeNames[0] | Should -Be 'Orchestrator.SyncResult'
            $results[0].Path | Should -Be (Join-Path $script:desired 'alpha.json')
            $cron = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
            $cron | Should -BeLike "*$script:foreign*"
            foreach ($n in 'alpha', 'beta', 'gamma') { $cron | Should -Match "# orchestrator:task=$n" }
        }
    }

    Context 'when it is synced twice' {
        It 'reports every task Unchanged and writes neither the crontab nor the store, with one orc-exec process' {
            $null = Sync-OrcTask -Path $script:desired
            $before = Get-MachineState
            Mock Invoke-OrcExec { & $script:realInvoke @PesterBoundParameters }
            $results = @(Sync-OrcTask -Path $script:desired -PassThru)
            $results.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
            (Get-MachineState).Cron | Should -Be $before.Cron
            (Get-MachineState).Store | Should -Be $before.Store
            Should -Invoke Invoke-OrcExec -Times 1 -Exactly
            Should -Invoke Invoke-OrcExec -Times 1 -Exactly -ParameterFilter { $ArgumentList[0] -eq 'render' -and $ArgumentList[1] -eq '--dir' }
        }

        It 'returns nothing without -PassThru' {
            $null = Sync-OrcTask -Path $script:desired
            @(Sync-OrcTask -Path $script:desired).Count | Should -Be 0
        }
    }

    Context 'when definitions change between syncs' {
        It 'updates only the changed ones, with one define call for all of them' {
            $null = Sync-OrcTask -Path $script:desired
            Set-Definition 'alpha' -Cron '0 5 * * *'
            Set-Definition 'beta' -Cron '0 6 * * *'
            Set-Definition 'delta'
            Mock Invoke-OrcExec { & $script:realInvoke @PesterBoundParameters }
            $results = @(Sync-OrcTask -Path $script:desired -PassThru)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('alpha=Updated', 'beta=Updated', 'delta=Added', 'gamma=Unchanged')
            $results[0].Differences | Should -Contain 'Definition'
            $results[0].Differences | Should -Contain 'CronLine'
            Should -Invoke Invoke-OrcExec -Times 1 -Exactly -ParameterFilter { $ArgumentList[0] -eq 'define' -and $ArgumentList[1] -eq '--files' }
            [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -Match '(?m)^0 5 \* \* \* .*task=alpha$'
        }

        It 'updates a task whose crontab line was edited by hand, and a task disabled in its definition' {
            $null = Sync-OrcTask -Path $script:desired
            $text = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
            [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, ($text -replace '(?m)^0 2 (\* \* \* .*task=alpha)$', '9 9 $1'))
            Set-Definition 'beta' -Extra ',"enabled":false'
            $results = @(Sync-OrcTask -Path $script:desired)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('alpha=Updated', 'beta=Updated')
            $results[0].Differences | Should -Be @('CronLine')
            $results[1].Differences | Should -Contain 'Enabled'
            $cron = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
            $cron | Should -Match '(?m)^0 2 \* \* \* .*task=alpha$'
            (Get-OrcTask -Name beta).Enabled | Should -BeFalse
            @(Sync-OrcTask -Path $script:desired).Count | Should -Be 0
        }
    }

    Context 'with -Prune' {
        It 'removes only our tasks whose file is gone: foreign lines and history stay' {
            $null = Sync-OrcTask -Path $script:desired
            Remove-Item (Join-Path $script:desired 'gamma.json')
            $results = @(Sync-OrcTask -Path $script:desired -Prune -Confirm:$false)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('gamma=Removed')
            $cron = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
            $cron | Should -BeLike "*$script:foreign*"
            $cron | Should -Not -Match 'task=gamma'
            Join-Path $env:ORC_HOME 'tasks/gamma.json' | Should -Not -Exist
            Join-Path $env:ORC_HOME 'tasks/alpha.json' | Should -Exist
        }

        It 'leaves tasks without a file alone when -Prune is not given' {
            $null = Sync-OrcTask -Path $script:desired
            Remove-Item (Join-Path $script:desired 'gamma.json')
            @(Sync-OrcTask -Path $script:desired).Count | Should -Be 0
            [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -Match 'task=gamma'
        }

        It 'changes nothing with -WhatIf and says what it would do' {
            $null = Sync-OrcTask -Path $script:desired
            Remove-Item (Join-Path $script:desired 'gamma.json')
            Set-Definition 'alpha' -Cron '0 5 * * *'
            $before = Get-MachineState
            $results = @(Sync-OrcTask -Path $script:desired -Prune -WhatIf -PassThru)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('alpha=Updated', 'beta=Unchanged', 'gamma=Removed')
            (Get-MachineState).Cron | Should -Be $before.Cron
            (Get-MachineState).Store | Should -Be $before.Store
        }
    }

    Context 'when one definition is invalid' {
        BeforeEach {
            [System.IO.File]::WriteAllText((Join-Path $script:desired 'broken.json'), '{"name":"broken","action":{}}')
        }

        It 'syncs the others, reports it Failed with the field, and writes one Orc.SyncFailed error' {
            $results = @(Sync-OrcTask -Path $script:desired -ErrorVariable problems -ErrorAction SilentlyContinue)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('alpha=Added', 'beta=Added', 'broken=Failed', 'gamma=Added')
            $results[2].Reason | Should -Match 'action.command'
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'Orc.SyncFailed,*'
            $problems[0].Exception.Message | Should -Match '^1 of 4 tasks failed'
        }

        It 'throws after syncing the others with -ErrorAction Stop, so a script exits non-zero' {
            { Sync-OrcTask -Path $script:desired -ErrorAction Stop } | Should -Throw -ErrorId 'Orc.SyncFailed,Sync-OrcTask'
            [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -Match 'task=gamma'
        }

        It 'gives a non-zero exit code to pwsh -File' {
            $script = Join-Path $script:root 'deploy.ps1'
            [System.IO.File]::WriteAllText($script, "Import-Module '$script:ManifestPath'; Sync-OrcTask -Path '$script:desired' -ErrorAction Stop")
            $pwsh = (Get-Process -Id $PID).Path
            $null = & $pwsh -NoProfile -File $script 2>&1
            $LASTEXITCODE | Should -Be 1
        }
    }

    Context 'when -Path does not exist' {
        It 'stops with Orc.PathNotFound naming the path' {
            { Sync-OrcTask -Path (Join-Path $script:root 'nope') } | Should -Throw -ErrorId 'Orc.PathNotFound,Sync-OrcTask'
        }
    }
}

Describe 'Export-OrcTask then Sync-OrcTask on a fresh store' -Tag 'NotOnWine.CronBackend' {
    BeforeAll {
        Reset-Machine
        $script:source = @{ Home = $env:ORC_HOME; Cron = $env:ORC_CRON_TARGET; Root = $script:root }
        $fixture = [System.IO.File]::ReadAllText((Join-Path $PSScriptRoot '../../fixtures/every-field.json'))
        $fixtureFile = Join-Path $script:root 'every-field.json'
        [System.IO.File]::WriteAllText($fixtureFile, $fixture)
        Register-OrcTask -Path $fixtureFile -WarningAction SilentlyContinue
        Register-OrcTask -Name plain -Command /bin/true -ArgumentList 'a b', '"q"' -Cron '15 1 * * 1-5' -Timeout '90s'
        Register-OrcTask -Name ondemand -Command /bin/true
        $script:exported = Join-Path $script:root 'exported'
        $null = New-Item -ItemType Directory -Path $script:exported
        $null = Export-OrcTask -Name every-field, plain, ondemand -Path $script:exported
    }
    AfterAll { Remove-Item -Recurse -Force $script:source.Root -ErrorAction SilentlyContinue }

    It 'reproduces the same definitions byte for byte and the same crontab lines' {
        $env:ORC_HOME = Join-Path $script:source.Root 'fresh'
        $env:ORC_CRON_TARGET = Join-Path $script:source.Root 'fresh-crontab'
        [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, $script:foreign)
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME
        $results = @(Sync-OrcTask -Path $script:exported -PassThru -WarningAction SilentlyContinue)
        ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('every-field=Added', 'ondemand=Added', 'plain=Added')
        foreach ($n in 'every-field', 'plain', 'ondemand') {
            [System.IO.File]::ReadAllText((Join-Path $env:ORC_HOME "tasks/$n.json")) |
                Should -BeExactly ([System.IO.File]::ReadAllText((Join-Path $script:source.Home "tasks/$n.json")))
        }
        $strip = { param($file, $storeHome) ([System.IO.File]::ReadAllText($file)).Replace($storeHome, '<home>') }
        (& $strip $env:ORC_CRON_TARGET $env:ORC_HOME) | Should -BeExactly (& $strip $script:source.Cron $script:source.Home)
        Test-OrcTaskState -Path $script:exported -Prune -Quiet | Should -BeTrue
    }

    It 'exports no secret: the definition format has no field that could hold one' {
        # A runAs password goes to Task Scheduler only (see Integration/Sync-OrcTask.Tests.ps1);
        # the schema every exported file is checked against has no property for one.
        $schema = & $env:ORC_EXEC_PATH schema | Out-String
        $schema | Should -Not -Match '(?i)"[a-z]*(password|secret|token|credential)[a-z]*"\s*:'
        foreach ($file in Get-ChildItem -Path $script:exported -Filter *.json) {
            [System.IO.File]::ReadAllText($file.FullName) | Should -Not -Match '(?i)"[a-z]*(password|secret|token|credential)[a-z]*"\s*:'
        }
    }
}
