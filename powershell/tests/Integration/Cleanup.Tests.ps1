# Remove-OrcOrphan and Uninstall-Orchestrator against the real orc-exec and a real store, on both
# backends: the cron backend writing a temp crontab file (ORC_CRON_TARGET=<file>: the machine's
# crontab is shared and not touched here) and the Task Scheduler backend through the ScheduledTasks
# double. Abandoned and live runs are real orc-exec processes: one killed with its command, one
# still running.
BeforeDiscovery {
    $script:NotLinux = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
}

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET; ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }

    function script:New-Sandbox {
        $root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-cleanup-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $root 'store'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME -Force
        & chmod 700 $env:ORC_HOME
        $env:ProgramFiles = Join-Path $root 'Program Files'
        $env:ProgramW6432 = $env:ProgramFiles
        return $root
    }

    function script:Wait-Until {
        param([scriptblock] $Condition, [int] $TimeoutSec = 30)
        $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([datetime]::UtcNow -ge $deadline) { throw "Timed out after $TimeoutSec s waiting for: $Condition" }
            Start-Sleep -Milliseconds 100
        }
    }

    function script:Start-Run {
        # Starts 'orc-exec run <task>' (defined with Register-OrcTask -Command /bin/sh) as a real
        # process and waits until its command wrote its PID; returns both processes' IDs.
        param([string] $Task, [string] $PidFile)
        $psi = New-Object System.Diagnostics.ProcessStartInfo -ArgumentList $env:ORC_EXEC_PATH
        foreach ($a in 'run', $Task, '--home', $env:ORC_HOME) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        Wait-Until { (Test-Path $PidFile) -and (Get-Content -Raw $PidFile).Trim() }
        [pscustomobject]@{ Exec = $process; Command = [int](Get-Content -Raw $PidFile).Trim() }
    }

    function script:Get-Status([string] $Task, [string] $RunId) {
        $line = @(Get-Content (Join-Path $env:ORC_HOME "history/$Task.jsonl") | ForEach-Object { $_ | ConvertFrom-Json } |
                Where-Object runId -EQ $RunId) | Select-Object -Last 1
        $line.status
    }

    function script:Get-RunId([string] $Task) {
        (@(Get-Content (Join-Path $env:ORC_HOME "history/$Task.jsonl") | ForEach-Object { $_ | ConvertFrom-Json }) | Select-Object -Last 1).runId
    }
}

AfterAll {
    foreach ($key in $script:saved.Keys) {
        if ($null -eq $script:saved[$key]) { Remove-Item -Path "env:$key" -ErrorAction SilentlyContinue }
        else { Set-Item -Path "env:$key" -Value $script:saved[$key] }
    }
    Remove-OrcTestModule
}

Describe 'Remove-OrcOrphan on the cron backend' -Skip:$NotLinux -Tag 'NotOnWine.CronBackend' {
    BeforeAll {
        $script:root = New-Sandbox
        $env:ORC_CRON_TARGET = Join-Path $root 'crontab'
        $otherStore = Join-Path $root 'other-store'
        # A foreign line, and a tagged line of another store (another ORC_HOME on this machine).
        $script:foreign = "17 3 * * * /bin/true # foreign`n" +
        "0 4 * * * '/opt/orc/orc-exec' run theirs --home '$otherStore' # orchestrator:task=theirs`n"
        [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, $foreign)

        Register-OrcTask -Name gone -Command /bin/true -Cron '0 1 * * *' -ErrorAction Stop
        Register-OrcTask -Name unscheduled -Command /bin/true -Cron '0 2 * * *' -ErrorAction Stop
        Register-OrcTask -Name on-demand -Command /bin/true -ErrorAction Stop
        Register-OrcTask -Name ok -Command /bin/true -Cron '0 3 * * *' -ErrorAction Stop
        $script:release = Join-Path $root 'release'
        foreach ($t in 'dead', 'live') {
            Register-OrcTask -Name $t -Command /bin/sh -ArgumentList '-c', "echo `$`$ > '$root/$t.pid'; while [ ! -e '$release' ]; do sleep 0.1; done" -ErrorAction Stop
        }
        # Orphans: a line whose definition is gone, a scheduled definition whose line is gone.
        Remove-Item (Join-Path $env:ORC_HOME 'tasks/gone.json')
        InModuleScope Orchestrator { $null = Unregister-OrcCronTask -Name unscheduled }
        # A run killed with its command (kill -9, as Task Scheduler's time limit does), and a live one.
        $dead = Start-Run -Task dead -PidFile "$root/dead.pid"
        $script:deadRun = Get-RunId dead
        & kill -9 $dead.Exec.Id $dead.Command
        $dead.Exec.WaitForExit()
        $script:live = Start-Run -Task live -PidFile "$root/live.pid"
        $script:liveRun = Get-RunId live
        # Output older than the retention, and a fresh one.
        $runs = Join-Path $env:ORC_HOME 'runs/ok'
        $null = New-Item -ItemType Directory -Path $runs -Force
        Set-Content -Path "$runs/old.log" -Value 'old'
        (Get-Item "$runs/old.log").LastWriteTimeUtc = [datetime]::UtcNow.AddDays(-100)
        Set-Content -Path "$runs/new.log" -Value 'new'
    }
    AfterAll {
        Set-Content -Path $release -Value ''
        if ($live) { $null = $live.Exec.WaitForExit(30000) }
        Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue
    }

    It '-WhatIf reports every orphan, changes nothing' {
        $before = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
        $results = @(Remove-OrcOrphan -WhatIf)
        @($results | ForEach-Object { "$($_.Kind):$($_.Name):$($_.Action)" }) | Should -Be @(
            'SchedulerEntry:gone:Reported', 'Definition:unscheduled:Reported', "Run:$deadRun`:Reported", 'Output:old.log:Reported')
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -BeExactly $before
        Get-Status dead $deadRun | Should -Be 'RUNNING'
    }

    It 'removes the line with no definition, closes the dead run, drops old output; reports the definition with no line' {
        $results = @(Remove-OrcOrphan -Confirm:$false)
        @($results | ForEach-Object { "$($_.Kind):$($_.Name):$($_.Action)" }) | Should -Be @(
            'SchedulerEntry:gone:Removed', 'Definition:unscheduled:Reported', "Run:$deadRun`:Removed", 'Output:old.log:Removed')
        $results | ForEach-Object { $_.PSTypeNames[0] | Should -Be 'Orchestrator.OrphanResult'; $_.Reason | Should -Not -BeNullOrEmpty }
        Get-Status dead $deadRun | Should -Be 'STOPPED'
        Join-Path $env:ORC_HOME 'runs/ok/old.log' | Should -Not -Exist
        Join-Path $env:ORC_HOME 'runs/ok/new.log' | Should -Exist
    }

    It 'never touched the live run, foreign lines, another store''s line or a task without a schedule' {
        Get-Status live $liveRun | Should -Be 'RUNNING'
        $live.Exec.HasExited | Should -BeFalse
        $text = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
        $text | Should -Match ([regex]::Escape($foreign))
        $text | Should -Match 'orchestrator:task=ok'
        $text | Should -Not -Match 'orchestrator:task=gone'
        Join-Path $env:ORC_HOME 'tasks/on-demand.json' | Should -Exist
    }

    It '-Force also removes the definition with no line; a second run finds nothing' {
        $results = @(Remove-OrcOrphan -Force)
        @($results | ForEach-Object { "$($_.Kind):$($_.Name):$($_.Action)" }) | Should -Be @('Definition:unscheduled:Removed')
        Join-Path $env:ORC_HOME 'tasks/unscheduled.json' | Should -Not -Exist
        @(Remove-OrcOrphan -Force) | Should -HaveCount 0
    }

    It 'Uninstall-Orchestrator removes this store''s lines and the installed orc-exec, keeps the store and every foreign line' {
        $installed = Join-Path $env:ORC_HOME 'bin/orc-exec'
        $installed | Should -Exist
        "$installed.owner.json" | Should -Exist
        $results = @(Uninstall-Orchestrator -Force)
        @($results | Where-Object Kind -EQ 'SchedulerEntry' | ForEach-Object Name | Sort-Object) | Should -Be @('ok')
        @($results | Where-Object Kind -EQ 'Executable').Count | Should -Be 1
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -BeExactly $foreign
        $installed | Should -Not -Exist
        "$installed.owner.json" | Should -Not -Exist
        Join-Path $env:ORC_HOME 'tasks/ok.json' | Should -Exist
    }

    It 'Uninstall-Orchestrator -RemoveStore -WhatIf changes nothing; -RemoveStore deletes the store; again is a no-op' {
        Set-Content -Path $release -Value ''
        $null = $live.Exec.WaitForExit(30000)
        $null = Uninstall-Orchestrator -RemoveStore -WhatIf
        $env:ORC_HOME | Should -Exist
        $results = @(Uninstall-Orchestrator -RemoveStore -Force)
        @($results | ForEach-Object Kind) | Should -Be @('Store')
        $env:ORC_HOME | Should -Not -Exist
        @(Uninstall-Orchestrator -RemoveStore -Force -ErrorAction Stop) | Should -HaveCount 0
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -BeExactly $foreign
    }
}

# NotOnWine.Xmllint: the double validates task XML with Linux's xmllint (see ScheduledTasksDouble.Tests.ps1).
Describe 'Remove-OrcOrphan and Uninstall-Orchestrator on the Task Scheduler backend (the double)' -Skip:$NotLinux -Tag 'NotOnWine.Xmllint' {
    BeforeAll {
        Import-OrcScheduledTasksDouble
        Reset-ScheduledTaskDouble
        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
        Mock Invoke-OrcEventLogSourceRemoval { $false }
        # The double has no COM folders: what crosses the boundary is one call, after the tasks went.
        # Like the COM API: deleted once, when empty; not there afterwards.
        $script:folderDeleted = $false
        Mock Remove-OrcScheduledTaskFolder {
            if ($script:folderDeleted -or @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -ErrorAction SilentlyContinue).Count -gt 0) { return $false }
            $script:folderDeleted = $true
            $true
        }
        $script:root = New-Sandbox
        Register-OrcTask -Name gone -Command /bin/true -Cron '0 1 * * *' -ErrorAction Stop
        Register-OrcTask -Name kept -Command /bin/true -Cron '0 2 * * *' -ErrorAction Stop
        Register-OrcTask -Name lost -Command /bin/true -ErrorAction Stop
        Remove-Item (Join-Path $env:ORC_HOME 'tasks/gone.json')
        $null = ScheduledTasks\Unregister-ScheduledTask -TaskPath '\Orchestrator\' -TaskName Orc_lost -Confirm:$false
        $xml = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName Orc_kept
        $null = ScheduledTasks\Register-ScheduledTask -Xml $xml -TaskPath '\Other\' -TaskName Orc_foreign
    }
    AfterAll {
        Reset-ScheduledTaskDouble
        Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue
        Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue
    }

    It 'removes \Orchestrator\Orc_gone, reports the definition that is not registered (an on-demand task is registered on Windows)' {
        $results = @(Remove-OrcOrphan -Confirm:$false)
        @($results | ForEach-Object { "$($_.Kind):$($_.Name):$($_.Action)" }) | Should -Be @('SchedulerEntry:gone:Removed', 'Definition:lost:Reported')
        @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' | ForEach-Object TaskName) | Should -Be @('Orc_kept')
        ScheduledTasks\Get-ScheduledTask -TaskPath '\Other\' -TaskName Orc_foreign | Should -Not -BeNullOrEmpty
    }

    Context 'when the session is not elevated (the scheduler cannot be listed)' {
        BeforeAll { Set-ScheduledTaskDouble -NotElevated }
        AfterAll { Set-ScheduledTaskDouble -NotElevated:$false }

        It 'Remove-OrcOrphan -Force stops with Orc.AccessDenied and deletes no definition (none is taken for unregistered)' {
            $err = $null
            try { $null = Remove-OrcOrphan -Force -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'Orc.AccessDenied*'
            Join-Path $env:ORC_HOME 'tasks/kept.json' | Should -Exist
            Join-Path $env:ORC_HOME 'tasks/lost.json' | Should -Exist
        }

        It 'Uninstall-Orchestrator -RemoveStore stops with Orc.AccessDenied and keeps the executable and the store' {
            $err = $null
            try { $null = Uninstall-Orchestrator -RemoveStore -Force -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'Orc.AccessDenied*'
            Join-Path $env:ProgramFiles 'Orchestrator/orc-exec.exe' | Should -Exist
            $env:ORC_HOME | Should -Exist
        }
    }

    It 'Uninstall-Orchestrator -RemoveStore removes \Orchestrator\ tasks, Program Files\Orchestrator and the store; \Other\ stays' {
        $installed = Join-Path $env:ProgramFiles 'Orchestrator/orc-exec.exe'
        $installed | Should -Exist
        $results = @(Uninstall-Orchestrator -RemoveStore -Force)
        @($results | ForEach-Object { "$($_.Kind):$($_.Name)" }) | Should -Be @('SchedulerEntry:kept', 'SchedulerFolder:\Orchestrator\', "Executable:$installed", "Store:$env:ORC_HOME")
        $script:folderDeleted | Should -BeTrue
        @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -ErrorAction SilentlyContinue) | Should -HaveCount 0
        ScheduledTasks\Get-ScheduledTask -TaskPath '\Other\' -TaskName Orc_foreign | Should -Not -BeNullOrEmpty
        Join-Path $env:ProgramFiles 'Orchestrator' | Should -Not -Exist
        $env:ORC_HOME | Should -Not -Exist
        @(Uninstall-Orchestrator -RemoveStore -Force -ErrorAction Stop) | Should -HaveCount 0
    }
}
