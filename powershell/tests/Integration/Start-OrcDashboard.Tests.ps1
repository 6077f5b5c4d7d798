# Start-OrcDashboard with the real orc-exec, on a store and crontab file of its own.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-dashboard-' + [guid]::NewGuid().ToString('N'))
    $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'crontab'
    $null = New-Item -ItemType Directory -Path $env:ORC_HOME
    $definition = Join-Path $env:ORC_HOME 'shown.json'
    Set-Content -LiteralPath $definition -Value '{"name":"shown","action":{"command":"/bin/true"}}'
    $null = & $env:ORC_EXEC_PATH define --home $env:ORC_HOME --file $definition
    $script:dashboard = Start-OrcDashboard -ReadOnly -NoWait -IdleExit (New-TimeSpan -Minutes 5)
}
AfterAll {
    if ($script:dashboard) { Stop-Process -Id $script:dashboard.ProcessId -ErrorAction SilentlyContinue }
    Remove-Item -Recurse -Force $env:ORC_HOME -ErrorAction SilentlyContinue
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Start-OrcDashboard' -Tag 'NotOnWine.CronBackend' {
    It 'returns the dashboard''s loopback URL and process with -NoWait' {
        $script:dashboard.PSObject.TypeNames[0] | Should -Be 'Orchestrator.Dashboard'
        $script:dashboard.Url | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $script:dashboard.ReadOnly | Should -BeTrue
        (Get-Process -Id $script:dashboard.ProcessId).Id | Should -Be $script:dashboard.ProcessId
    }

    It 'serves the task list from the store under Get-OrcTask''s property names' {
        $tasks = @(Invoke-RestMethod -Uri "$($script:dashboard.Url)api/v1/tasks")
        $tasks.Count | Should -Be 1
        $tasks[0].Name | Should -Be 'shown'
        $tasks[0].Command | Should -Be '/bin/true'
    }

    It 'refuses a change when read-only, with the error as JSON' {
        $response = $null
        try {
            Invoke-RestMethod -Method Post -Uri "$($script:dashboard.Url)api/v1/tasks/shown/run" -Headers @{ 'X-CSRF-Token' = $script:dashboard.CsrfToken }
        }
        catch {
            $response = $_.ErrorDetails.Message | ConvertFrom-Json
        }
        $response.error.code | Should -Be 'Orc.ReadOnly'
    }

    It 'starts nothing with -WhatIf' {
        $out = Start-OrcDashboard -WhatIf
        $out | Should -BeNullOrEmpty
    }

    It 'refuses an address other than loopback without a token (Orc.DashboardFailed)' {
        $out = Start-OrcDashboard -Listen '0.0.0.0:0' -NoWait -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.DashboardFailed*'
    }
}
