# Test-OrcEnvironment with the real orc-exec on the cron backend (crontab in a file): each seeded
# misconfiguration is found by the check that owns it.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
}
AfterAll {
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Test-OrcEnvironment on a real store' -Tag 'NotOnWine.CronBackend' {
    BeforeEach {
        $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-env-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'crontab'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME
        Register-OrcTask -Name nightly -Command /bin/true -Cron '0 3 * * *'
        Set-OrcNotificationSetting -SmtpServer 127.0.0.1 -Port 2525 -Tls None -Authentication None -From orc@example.com -To ops@example.com
    }
    AfterEach {
        Remove-Item -Recurse -Force $env:ORC_HOME -ErrorAction SilentlyContinue
    }

    It 'finds nothing to fail on a fresh, registered store' {
        $checks = @(Test-OrcEnvironment -ErrorVariable err)
        $err.Count | Should -Be 0
        @($checks | Where-Object Status -eq 'Fail').Name | Should -BeNullOrEmpty
        ($checks | Where-Object Name -eq 'scheduler.tasks').Status | Should -Be 'Ok'
        ($checks | Where-Object Name -eq 'store.definitions').Detail | Should -Be '1 definitions, all trusted and valid'
    }

    It 'finds a missing scheduler entry' {
        Set-Content -LiteralPath $env:ORC_CRON_TARGET -Value '' -NoNewline
        $check = Test-OrcEnvironment -ErrorAction SilentlyContinue | Where-Object Name -eq 'scheduler.tasks'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*: nightly'
        Test-OrcEnvironment -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }

    It 'finds a world-readable secret' {
        Set-OrcNotificationSetting -WebhookUrl (ConvertTo-SecureString 'https://hooks.example.com/T0KEN' -AsPlainText -Force)
        $secret = Join-Path $env:ORC_HOME 'state/notify.secret'
        Test-Path $secret | Should -BeTrue
        & chmod 644 $secret
        $checks = @(Test-OrcEnvironment -ErrorVariable err -ErrorAction SilentlyContinue)
        $check = $checks | Where-Object Name -eq 'secrets.access'
        $check.Status | Should -Be 'Fail'
        $check.Fix | Should -Be "chmod 600 $secret"
        ($checks | ForEach-Object { $_.Detail + $_.Fix }) -join ' ' | Should -Not -Match 'T0KEN'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.Unhealthy*'
    }

    It 'finds a bad SMTP host' {
        Set-OrcNotificationSetting -SmtpServer smtp.nonexistent.invalid
        $check = Test-OrcEnvironment -ErrorAction SilentlyContinue | Where-Object Name -eq 'smtp.server'
        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -BeLike '*"smtp.nonexistent.invalid" does not resolve*'
    }

    It 'finds a stale executor: a module newer than the orc-exec it runs' {
        # The module as an update would leave it: the same files with a newer version, while the
        # executor (ORC_EXEC_PATH) stays the old build.
        $copy = Join-Path $TestDrive 'Orchestrator'
        $null = New-Item -ItemType Directory -Path $copy
        Copy-Item -Recurse -LiteralPath (Join-Path $RepoRoot 'powershell'), (Join-Path $RepoRoot 'en-US') -Destination $copy
        (Get-Content -Raw -LiteralPath $ManifestPath) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '99.0.0'" | Set-Content -LiteralPath (Join-Path $copy 'Orchestrator.psd1')
        $executor = (& $env:ORC_EXEC_PATH version --output json | ConvertFrom-Json).version
        # Types and formats load once per session: the original goes before the copy comes.
        Remove-Module Orchestrator -Force
        try {
            Import-Module (Join-Path $copy 'Orchestrator.psd1') -Force
            $check = Test-OrcEnvironment -ErrorAction SilentlyContinue | Where-Object Name -eq 'executor.version'
        }
        finally {
            Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
            Import-OrcTestModule
        }
        if ($executor -eq 'dev') { $check.Status | Should -Be 'Warn' }
        else {
            $check.Status | Should -Be 'Fail'
            $check.Detail | Should -BeLike "*version $executor, older than the module's 99.0.0: a stale executor"
        }
    }
}
