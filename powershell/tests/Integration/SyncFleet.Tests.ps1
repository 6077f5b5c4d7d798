# scripts/examples/Sync-Fleet.ps1 without -ComputerName: the very script block remoting would send
# runs here through Invoke-Command, against the real orc-exec and the cron backend writing a
# crontab file. What needs WinRM (other hosts, their unreachable-host rows) cannot run on Linux,
# which has no WSMan client; docs/deploy.md says so.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    $script:fleet = Join-Path $script:RepoRoot 'scripts/examples/Sync-Fleet.ps1'
    function Get-CronText {
        if (-not (Test-Path $env:ORC_CRON_TARGET)) { return '' }
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
    }
}
AfterAll {
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Sync-Fleet.ps1 on this machine' -Tag 'NotOnWine.CronBackend' {
    BeforeEach {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-fleet-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $script:root 'store'
        $env:ORC_CRON_TARGET = Join-Path $script:root 'crontab'
        $script:definitions = Join-Path $script:root 'definitions'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME, $script:definitions -Force
        foreach ($name in 'fleet-a', 'fleet-b') {
            [System.IO.File]::WriteAllText((Join-Path $script:definitions "$name.json"), '{"name":"' + $name + '","schedule":{"cron":"0 3 * * *"},"action":{"command":"/bin/true"}}')
        }
    }
    AfterEach {
        Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    }

    It 'returns one result per task tagged with this machine''s name, and Unchanged on the second run' {
        $first = @(& $script:fleet -Path $script:definitions)
        $first.Count | Should -Be 2
        $first.PSComputerName | Sort-Object -Unique | Should -Be ([System.Environment]::MachineName)
        @($first | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Action) $($_.Path)" }) | Should -Be @('fleet-a Added fleet-a.json', 'fleet-b Added fleet-b.json')
        $cron = Get-CronText
        $second = @(& $script:fleet -Path $script:definitions)
        @($second.Action | Sort-Object -Unique) | Should -Be @('Unchanged')
        Get-CronText | Should -BeExactly $cron
        @(Get-ChildItem -Path ([System.IO.Path]::GetTempPath()) -Filter 'orc-fleet-*' -Directory | Where-Object { $_.LastWriteTimeUtc -gt [datetime]::UtcNow.AddMinutes(-2) }) |
            Should -BeNullOrEmpty -Because 'the temporary definition folder is removed'
    }

    It 'says what would change with -WhatIf and writes nothing' {
        $results = @(& $script:fleet -Path $script:definitions -WhatIf)
        @($results.Action | Sort-Object -Unique) | Should -Be @('Added')
        Get-CronText | Should -BeNullOrEmpty
        Get-OrcTask -Name fleet-a -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes only our tasks that have no file with -Prune' {
        $null = & $script:fleet -Path $script:definitions
        Remove-Item -LiteralPath (Join-Path $script:definitions 'fleet-b.json')
        $results = @(& $script:fleet -Path $script:definitions -Prune)
        @($results | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Action)" }) | Should -Be @('fleet-a Unchanged', 'fleet-b Removed')
    }

    It 'refuses a folder without definitions, naming -Path' {
        $empty = Join-Path $script:root 'empty'
        $null = New-Item -ItemType Directory -Path $empty
        { & $script:fleet -Path $empty } | Should -Throw -ExpectedMessage "*-Path '$empty' holds no definitions*"
    }
}
