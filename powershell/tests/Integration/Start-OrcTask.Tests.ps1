# Start-OrcTask and Stop-OrcTask on the cron backend with the real orc-exec (crontab in a file).
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-start-' + [guid]::NewGuid().ToString('N'))
    $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'crontab'
    $null = New-Item -ItemType Directory -Path $env:ORC_HOME
    Register-OrcTask -Name idle -Command /bin/true -Cron '0 3 * * *'
}
AfterAll {
    Remove-Item -Recurse -Force $env:ORC_HOME -ErrorAction SilentlyContinue
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Start-OrcTask' -Tag 'NotOnWine.CronBackend' {
    Context 'when the task does not exist' {
        It 'fails at once with Orc.TaskNotFound, even with -Wait' {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $out = Start-OrcTask -Name nosuch -Wait -TimeoutSec 60 -ErrorVariable err -ErrorAction SilentlyContinue
            $watch.Stop()
            $out | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
    }

    Context 'when the task exists' {
        It 'with -Wait returns the run''s result' {
            $result = Start-OrcTask -Name idle -Wait -TimeoutSec 60
            $result.Status | Should -Be 'SUCCESS'
        }
    }
}

Describe 'Stop-OrcTask on the cron backend' -Tag 'NotOnWine.CronBackend' {
    It 'writes nothing to the pipeline when the task is not running' {
        $out = Stop-OrcTask -Name idle -ErrorVariable err
        $err | Should -BeNullOrEmpty
        @($out).Count | Should -Be 0
    }

    It 'fails with Orc.TaskNotFound for a task that does not exist, and writes nothing' {
        $out = Stop-OrcTask -Name nosuch -ErrorVariable err -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
    }
}
