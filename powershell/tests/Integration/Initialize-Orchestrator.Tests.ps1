# Initialize-Orchestrator with the real orc-exec on the cron backend (crontab in a file): what each
# step changes, that a re-run changes nothing, and when it asks.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }

    function Get-Snapshot {
        # Every file under the store and the crontab, with its bytes' hash.
        $files = @(Get-ChildItem -LiteralPath $env:ORC_HOME -Recurse -File -Force | Where-Object { $_.FullName -notlike '*[\/]logs[\/]*' })
        ($files | Sort-Object FullName | ForEach-Object { '{0} {1}' -f $_.FullName, (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash }) -join "`n"
    }
    $script:setup = @{ NonInteractive = $true; InstallExecutor = $true; SmtpServer = '127.0.0.1'; Port = 2525; Tls = 'None'; Authentication = 'None'; From = 'orc@example.com'; To = 'ops@example.com'; ReportAt = '07:00' }
}
AfterAll {
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Initialize-Orchestrator' -Tag 'NotOnWine.CronBackend' {
    BeforeEach {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-init-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:root
        $env:ORC_HOME = Join-Path $script:root 'store'
        $env:ORC_CRON_TARGET = Join-Path $script:root 'crontab'
    }
    AfterEach {
        Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    }

    Context 'from a script (-NonInteractive)' {
        It 'creates the store, installs the executor, sets mail, registers the report, then checks' {
            $out = @(Initialize-Orchestrator @setup)
            $steps = @($out | Where-Object { $_.PSObject.TypeNames -contains 'Orchestrator.InitializeResult' })
            ($steps | ForEach-Object { '{0}={1}' -f $_.Step, $_.Result }) -join ' ' | Should -Be 'Store=Changed Executor=Changed Notification=Changed Report=Changed'
            Join-Path $env:ORC_HOME 'tasks' | Should -Exist
            Join-Path $env:ORC_HOME 'bin/orc-exec' | Should -Exist
            (Get-OrcNotificationSetting).SmtpServer | Should -Be '127.0.0.1'
            $line = @(Get-Content -LiteralPath $env:ORC_CRON_TARGET | Where-Object { $_ -like '*orchestrator:task=daily-report*' })
            $line.Count | Should -Be 1
            $line[0] | Should -BeLike '0 7 * * * *'
            (Get-OrcTask -Name daily-report).Arguments | Should -Be @('report', '--since', '24h', '--send', '--home', $env:ORC_HOME)
            $checks = @($out | Where-Object { $_.PSObject.TypeNames -contains 'Orchestrator.EnvironmentCheck' })
            $checks.Name | Should -Contain 'scheduler.tasks'
            ($checks | Where-Object Name -eq 'scheduler.tasks').Status | Should -Be 'Ok'
        }

        It 'changes nothing when run again with the same values' {
            $null = Initialize-Orchestrator @setup
            $before = Get-Snapshot
            $crontab = Get-Content -Raw -LiteralPath $env:ORC_CRON_TARGET
            $steps = @(Initialize-Orchestrator @setup | Where-Object { $_.PSObject.TypeNames -contains 'Orchestrator.InitializeResult' })
            @($steps | Where-Object Result -ne 'Unchanged').Step | Should -BeNullOrEmpty
            Get-Snapshot | Should -Be $before
            Get-Content -Raw -LiteralPath $env:ORC_CRON_TARGET | Should -Be $crontab
        }

        It 'changes only what was asked: a new report time leaves the mail settings alone' {
            $null = Initialize-Orchestrator @setup
            $settings = Get-Content -Raw -LiteralPath (Join-Path $env:ORC_HOME 'state/notify.json')
            $steps = @(Initialize-Orchestrator -NonInteractive -ReportAt 06:30 | Where-Object { $_.PSObject.TypeNames -contains 'Orchestrator.InitializeResult' })
            ($steps | ForEach-Object { '{0}={1}' -f $_.Step, $_.Result }) -join ' ' | Should -Be 'Store=Unchanged Executor=Skipped Notification=Unchanged Report=Changed'
            Get-Content -Raw -LiteralPath (Join-Path $env:ORC_HOME 'state/notify.json') | Should -Be $settings
            @(Get-Content -LiteralPath $env:ORC_CRON_TARGET | Where-Object { $_ -like '30 6 * * * *orchestrator:task=daily-report*' }).Count | Should -Be 1
        }

        It 'changes nothing with -WhatIf' {
            $out = @(Initialize-Orchestrator @setup -WhatIf)
            $env:ORC_HOME | Should -Not -Exist
            $env:ORC_CRON_TARGET | Should -Not -Exist
            @($out | Where-Object { $_.PSObject.TypeNames -contains 'Orchestrator.EnvironmentCheck' }).Count | Should -Be 0
        }

        It 'never asks' {
            Mock -ModuleName Orchestrator Read-Host { throw 'asked' }
            Mock -ModuleName Orchestrator Test-OrcInteractive { $true }
            $null = Initialize-Orchestrator -NonInteractive
            Should -Invoke -ModuleName Orchestrator Read-Host -Exactly 0
        }
    }

    Context 'at a console' {
        BeforeEach {
            Mock -ModuleName Orchestrator Test-OrcInteractive { $true }
            $script:asked = New-Object System.Collections.Generic.List[string]
            $script:answers = @{}
        }

        It 'asks only for what was not given, and Enter keeps the current value' {
            $script:answers = @{ 'Install or update' = 'n'; 'Sender address' = 'orc@example.com'; 'Recipients' = 'ops@example.com, dba@example.com'; 'Daily report' = '' }
            Mock -ModuleName Orchestrator Read-Host {
                $script:asked.Add($Prompt)
                foreach ($key in $script:answers.Keys) { if ($Prompt -like "$key*") { return $script:answers[$key] } }
                return ''
            }
            $steps = @(Initialize-Orchestrator -SmtpServer 127.0.0.1 -Port 2525 -Tls None -Authentication None | Where-Object { $_.PSObject.TypeNames -contains 'Orchestrator.InitializeResult' })
            $script:asked | Where-Object { $_ -like 'SMTP server*' } | Should -BeNullOrEmpty
            $script:asked | Where-Object { $_ -like 'Store folder*' } | Should -Be "Store folder [$env:ORC_HOME]"
            $script:asked | Where-Object { $_ -like 'Sender address*' } | Should -Not -BeNullOrEmpty
            (Get-OrcNotificationSetting).To | Should -Be @('ops@example.com', 'dba@example.com')
            ($steps | ForEach-Object { '{0}={1}' -f $_.Step, $_.Result }) -join ' ' | Should -BeLike 'Store=Changed Executor=Skipped Notification=Changed *Report=Skipped'
        }
    }
}
