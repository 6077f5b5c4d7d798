# Test-OrcTaskState on the cron backend with the real orc-exec and a crontab file (ORC_CRON_TARGET):
# each state it reports, and that it writes nothing. Hand edits in Task Scheduler are covered on the
# ScheduledTasks double in Integration/Sync-OrcTask.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }

    function script:Set-Definition([string] $Name, [string] $Cron = '0 2 * * *', [string] $Extra = '') {
        $json = '{"name":"' + $Name + '","action":{"command":"/bin/true"},"schedule":{"cron":"' + $Cron + '"}' + $Extra + '}'
        [System.IO.File]::WriteAllText((Join-Path $script:desired "$Name.json"), $json)
    }
    function script:Get-Snapshot {
        # Every file under the temp root (store, crontab, folder) with its bytes and time.
        @(Get-ChildItem -Path $script:root -Recurse -File | Sort-Object FullName |
                ForEach-Object { '{0} {1} {2}' -f $_.FullName, $_.LastWriteTimeUtc.Ticks, (Get-FileHash -LiteralPath $_.FullName).Hash }) -join "`n"
    }
}
AfterAll {
    foreach ($key in $script:saved.Keys) {
        if ($null -eq $script:saved[$key]) { Remove-Item -Path "env:$key" -ErrorAction SilentlyContinue }
        else { Set-Item -Path "env:$key" -Value $script:saved[$key] }
    }
    Remove-OrcTestModule
}

Describe 'Test-OrcTaskState on the cron backend' -Tag 'NotOnWine.CronBackend' {
    BeforeEach {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-state-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $script:root 'home'
        $env:ORC_CRON_TARGET = Join-Path $script:root 'crontab'
        $script:desired = Join-Path $script:root 'desired'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME, $script:desired
        [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, "17 3 * * * /usr/bin/foreign`n")
        foreach ($n in 'same', 'edited', 'changed', 'disabled', 'gone') { Set-Definition $n }
        $null = Sync-OrcTask -Path $script:desired
        # Now make one task of each kind.
        $text = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
        [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, ($text -replace '(?m)^0 2 (\* \* \* .*task=edited)$', '9 9 $1'))
        Set-Definition 'changed' -Cron '0 4 * * *'
        Set-Definition 'disabled' -Extra ',"enabled":false'
        Set-Definition 'new'
        Remove-Item (Join-Path $script:desired 'gone.json')
        [System.IO.File]::WriteAllText((Join-Path $script:desired 'broken.json'), '{"name":"broken","action":{"command":"/bin/true"},"timeout":"soon"}')
    }
    AfterEach { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

    It 'reports <Name> as <State> because <Why>' -ForEach @(
        @{ Name = 'same'; State = 'Compliant'; Differences = @(); Why = 'nothing differs' }
        @{ Name = 'edited'; State = 'Different'; Differences = @('CronLine'); Why = 'its crontab line was edited by hand' }
        @{ Name = 'changed'; State = 'Different'; Differences = @('Definition', 'CronLine'); Why = 'its file changed' }
        @{ Name = 'disabled'; State = 'Different'; Differences = @('Definition', 'CronLine', 'Enabled'); Why = 'its file disables it' }
        @{ Name = 'new'; State = 'Missing'; Differences = @('Definition'); Why = 'it was never registered' }
        @{ Name = 'broken'; State = 'Invalid'; Differences = @(); Why = 'its file does not validate' }
    ) {
        $result = @(Test-OrcTaskState -Path $script:desired) | Where-Object Name -eq $Name
        $result.PSObject.TypeNames[0] | Should -Be 'Orchestrator.TaskStateResult'
        $result.State | Should -Be $State
        @($result.Differences) | Should -Be $Differences
        $result.Reason | Should -Not -BeNullOrEmpty
        $result.Path | Should -Be (Join-Path $script:desired "$Name.json")
    }

    It 'names the field that makes a file invalid' {
        (@(Test-OrcTaskState -Path $script:desired) | Where-Object Name -eq 'broken').Reason | Should -Match 'timeout'
    }

    It 'reports a task without a file as Extra only with -Prune' {
        @(Test-OrcTaskState -Path $script:desired).Name | Should -Not -Contain 'gone'
        $extra = @(Test-OrcTaskState -Path $script:desired -Prune) | Where-Object Name -eq 'gone'
        $extra.State | Should -Be 'Extra'
        $extra.Reason | Should -Match 'gone\.json'
    }

    It 'writes nothing: not the store, not the crontab, not the folder' {
        $before = Get-Snapshot
        $null = Test-OrcTaskState -Path $script:desired -Prune
        $null = Test-OrcTaskState -Path $script:desired -Quiet
        Get-Snapshot | Should -Be $before
    }

    It 'answers -Quiet with one bool, true only when every task is compliant' {
        Test-OrcTaskState -Path $script:desired -Quiet | Should -BeFalse
        Test-OrcTaskState -Path (Join-Path $script:desired 'same.json') -Quiet | Should -BeTrue
        Remove-Item (Join-Path $script:desired 'broken.json')
        $null = Sync-OrcTask -Path $script:desired
        Test-OrcTaskState -Path $script:desired -Quiet | Should -BeTrue
        Test-OrcTaskState -Path $script:desired -Prune -Quiet | Should -BeFalse
        $null = Sync-OrcTask -Path $script:desired -Prune -Confirm:$false
        Test-OrcTaskState -Path $script:desired -Prune -Quiet | Should -BeTrue
    }

    It 'agrees with Sync-OrcTask -WhatIf on what is out of line' {
        $states = @(Test-OrcTaskState -Path $script:desired -Prune | Where-Object State -ne 'Compliant' | ForEach-Object Name)
        $actions = @(Sync-OrcTask -Path $script:desired -Prune -WhatIf -PassThru -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Where-Object Action -ne 'Unchanged' | ForEach-Object Name)
        $actions | Should -Be $states
    }

    It 'creates no store when none exists yet' {
        $env:ORC_HOME = Join-Path $script:root 'no-store-yet'
        @(Test-OrcTaskState -Path $script:desired).State | Should -Not -Contain 'Compliant'
        $env:ORC_HOME | Should -Not -Exist
    }
}
