# End to end on Linux/macOS: the public cmdlets register a task in root's real crontab, the real
# cron daemon fires it, orc-exec records the run, and unregistering leaves the foreign lines
# byte for byte. A schedule in another time zone goes through orc-exec's cron gate. Needs root
# and cron; started from BeforeAll when the daemon is not running (and stopped again in AfterAll).
# Takes up to ~4 minutes: cron fires on minute boundaries.
BeforeDiscovery {
    $script:CronSkip = $null
    if (($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows) {
        $script:CronSkip = 'the cron backend runs on Linux and macOS only'
    }
    elseif ("$(& id -u)".Trim() -ne '0') {
        $script:CronSkip = 'the cron end-to-end test needs root (it starts cron and edits root''s crontab)'
    }
    elseif (-not (Get-Command crontab -ErrorAction SilentlyContinue) -or
        -not (@('/usr/sbin/cron', '/usr/sbin/crond') | Where-Object { Test-Path $_ })) {
        $script:CronSkip = 'no cron daemon or crontab command (apt-get install cron)'
    }
    if ($CronSkip) { Write-Host "Skipping the cron end-to-end tests: $CronSkip" -ForegroundColor Yellow }
    $script:NoExec = -not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)
}

BeforeAll {
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    $script:Exe = $env:ORC_EXEC_PATH
    $script:Saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    Import-Module (Join-Path $Root 'Orchestrator.psd1') -Force

    function script:New-Store {
        $h = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-e2e-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $h | Out-Null
        & chmod 700 $h
        return $h
    }
}

AfterAll {
    foreach ($k in $Saved.Keys) { [System.Environment]::SetEnvironmentVariable($k, $Saved[$k]) }
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
}

Describe 'cron backend with the real cron daemon' -Skip:([bool]$CronSkip -or $NoExec) {
    BeforeAll {
        # One cron end-to-end run at a time on this machine: it edits root's only crontab.
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

        $script:StartedCron = $null
        if (-not (& pgrep -x cron) -and -not (& pgrep -x crond)) {
            $daemon = @('/usr/sbin/cron', '/usr/sbin/crond') | Where-Object { Test-Path $_ } | Select-Object -First 1
            & $daemon
            if ($LASTEXITCODE -ne 0) { throw "$daemon failed to start (exit code $LASTEXITCODE)" }
            $deadline = [datetime]::UtcNow.AddSeconds(10)
            do {
                Start-Sleep -Milliseconds 200
                $script:StartedCron = "$(& pgrep -x ([System.IO.Path]::GetFileName($daemon)))".Trim()
            } until ($StartedCron -or [datetime]::UtcNow -gt $deadline)
            if (-not $StartedCron) { throw "$daemon did not stay up" }
            Write-Host "Started $daemon (PID $StartedCron) for the end-to-end test."
        }

        $env:ORC_CRON_TARGET = 'user'
        $script:StoreHome = New-Store
        $env:ORC_HOME = $StoreHome
        $script:Target = & (Get-Module Orchestrator) { Get-OrcCronTarget }
        $script:Backup = & (Get-Module Orchestrator) { param($T) Read-OrcCronTable -Target $T } $Target
        $script:Foreign = $Backup + "# keep me`n17 3 * * * /bin/true # foreign`n"
        & (Get-Module Orchestrator) { param($T, $C) Write-OrcCronTable -Target $T -Content $C } $Target $Foreign
        $script:Latin1 = [System.Text.Encoding]::GetEncoding(28591)
    }

    AfterAll {
        try {
            if (Get-Command Unregister-OrcTask -ErrorAction SilentlyContinue) {
                foreach ($n in 'e2e-tick', 'e2e-gated', 'e2e-gated-never') {
                    Unregister-OrcTask -Name $n -Force -ErrorAction SilentlyContinue
                }
            }
        }
        catch { Write-Warning "cleanup: $_" }
        & (Get-Module Orchestrator) { param($T, $C) Write-OrcCronTable -Target $T -Content $C } $Target $Backup
        if ($StartedCron) {
            & kill -s TERM ([int]$StartedCron)
        }
        Remove-Item -LiteralPath $StoreHome -Recurse -Force -ErrorAction SilentlyContinue
        if ($Lock) { $Lock.Dispose() }
    }

    It 'registers a task in the crontab, lets cron fire it and records a scheduled SUCCESS' {
        Register-OrcTask -Name e2e-tick -Command /bin/sh -ArgumentList '-c', 'echo tick' -Cron '* * * * *' -Confirm:$false

        $ours = @(& (Get-Module Orchestrator) { Get-OrcCronTask -Name e2e-tick })
        $ours.Count | Should -Be 1
        $ours[0].Enabled | Should -BeTrue
        $ours[0].Schedule | Should -Be '* * * * *'
        $ours[0].StoreHome | Should -Be $StoreHome

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $run = $null
        while (-not $run -and $watch.Elapsed.TotalSeconds -lt 130) {
            Start-Sleep -Seconds 2
            $run = @(Get-OrcTaskHistory -Name e2e-tick -ErrorAction SilentlyContinue) |
                Where-Object { $_.Trigger -eq 'scheduled' -and $_.Status -ne 'RUNNING' } | Select-Object -First 1
        }
        Write-Host ("cron fired e2e-tick after {0:n0} s" -f $watch.Elapsed.TotalSeconds)
        $run | Should -Not -BeNullOrEmpty -Because 'cron should start orc-exec within two minutes'
        $run.Status | Should -Be 'SUCCESS'
        $run.Trigger | Should -Be 'scheduled'

        $task = Get-OrcTask -Name e2e-tick
        $task.LastStatus | Should -Be 'SUCCESS'
    }

    It 'serves a schedule in another time zone through the cron gate: cron starts it every minute, the gate lets the cron''s minutes through' {
        # '* * * * *' in a zone other than the host's matches every minute, so the gate must pass
        # each start; '0 0 1 1 *' there (new year) must be skipped quietly: no history, a skip count.
        $zone = @('Asia/Kathmandu', 'Pacific/Chatham') | Where-Object {
            -not [System.TimeZoneInfo]::FindSystemTimeZoneById($_).HasSameRules([System.TimeZoneInfo]::Local)
        } | Select-Object -First 1
        Register-OrcTask -Name e2e-gated -Command /bin/sh -ArgumentList '-c', 'echo gated' -Cron '* * * * *' -TimeZone $zone -Confirm:$false
        Register-OrcTask -Name e2e-gated-never -Command /bin/sh -ArgumentList '-c', 'echo never' -Cron '0 0 1 1 *' -TimeZone $zone -Confirm:$false

        try {
            foreach ($n in 'e2e-gated', 'e2e-gated-never') {
                $ours = @(& (Get-Module Orchestrator) { param($N) Get-OrcCronTask -Name $N } $n)
                $ours.Count | Should -Be 1
                $ours[0].Gated | Should -BeTrue
                $ours[0].Schedule | Should -Be '* * * * *'
                $ours[0].Line | Should -Match "run $n --home '[^']+' --cron-gate >/dev/null"
            }

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $run = $null
            while (-not $run -and $watch.Elapsed.TotalSeconds -lt 130) {
                Start-Sleep -Seconds 2
                $run = @(Get-OrcTaskHistory -Name e2e-gated -ErrorAction SilentlyContinue) |
                    Where-Object { $_.Trigger -eq 'scheduled' -and $_.Status -ne 'RUNNING' } | Select-Object -First 1
            }
            Write-Host ("cron fired the gated e2e-gated ({0}) after {1:n0} s" -f $zone, $watch.Elapsed.TotalSeconds)
            $run | Should -Not -BeNullOrEmpty -Because 'cron should start orc-exec --cron-gate within two minutes, and the gate pass it'
            $run.Status | Should -Be 'SUCCESS'
            $run.Trigger | Should -Be 'scheduled'

            # Both lines fire on the same minute; give the never-task's start a moment to finish.
            $state = Join-Path $StoreHome 'state/gate/e2e-gated-never.json'
            $deadline = [datetime]::UtcNow.AddSeconds(10)
            while (-not (Test-Path $state) -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            (Get-Content -Raw $state | ConvertFrom-Json).skipped | Should -BeGreaterOrEqual 1
            @(Get-OrcTaskHistory -Name e2e-gated-never -ErrorAction SilentlyContinue).Count | Should -Be 0
            (Get-Content -Raw (Join-Path $StoreHome 'state/gate/e2e-gated.json') | ConvertFrom-Json).passed | Should -BeGreaterOrEqual 1
        }
        finally {
            # Gone even when a check fails, so the next test compares only the foreign lines.
            Unregister-OrcTask -Name e2e-gated -Force
            Unregister-OrcTask -Name e2e-gated-never -Force
        }
    }

    It 'removes only its own line on Unregister-OrcTask; the foreign lines stay byte for byte' {
        Unregister-OrcTask -Name e2e-tick -Force
        @(& (Get-Module Orchestrator) { Get-OrcCronTask -Name e2e-tick }).Count | Should -Be 0
        $now = & (Get-Module Orchestrator) { param($T) Read-OrcCronTable -Target $T } $Target
        $Latin1.GetBytes($now) | Should -Be $Latin1.GetBytes($Foreign)
    }
}

Describe 'Start-OrcCronTask and Stop-OrcCronTask with the real orc-exec' -Skip:(($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows -or $NoExec) {
    BeforeAll {
        $script:StopStore = New-Store
        $definition = @{ name = 'e2e-long'; action = @{ command = '/bin/sh'; arguments = @('-c', 'sleep 60 & sleep 60; wait') } } |
            ConvertTo-Json -Depth 5
        $definition | & $Exe define --file - --home $StopStore --output json | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "orc-exec define failed with exit code $LASTEXITCODE" }
    }
    AfterAll {
        Remove-Item -LiteralPath $StopStore -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'starts a detached manual run, stops it with SIGTERM and orc-exec records STOPPED' {
        $processId = & (Get-Module Orchestrator) { param($E, $S) Start-OrcCronTask -Name e2e-long -ExecPath $E -StoreHome $S } $Exe $StopStore
        $processId | Should -BeGreaterThan 1
        $holder = Join-Path $StopStore 'locks/e2e-long.lock.holder'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not (Test-Path $holder) -and $watch.Elapsed.TotalSeconds -lt 15) { Start-Sleep -Milliseconds 100 }
        (Get-Content -Raw $holder).Trim() -split ' ' | Select-Object -First 1 | Should -Be "$processId"

        & (Get-Module Orchestrator) { param($S) Stop-OrcCronTask -Name e2e-long -StoreHome $S } $StopStore | Should -BeTrue
        $p = Get-Process -Id $processId -ErrorAction SilentlyContinue
        if ($p) { $p.WaitForExit(15000) | Should -BeTrue }

        $last = & $Exe history e2e-long --home $StopStore --output json --last 1 | ConvertFrom-Json
        $last.status | Should -Be 'STOPPED'
        $last.trigger | Should -Be 'manual'
        & (Get-Module Orchestrator) { param($S) Stop-OrcCronTask -Name e2e-long -StoreHome $S } $StopStore | Should -BeFalse
    }
}
