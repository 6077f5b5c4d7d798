# Start-OrcMigration / Undo-OrcMigration / Get-OrcMigration with the real orc-exec and a real
# store: on the cron backend against a temp crontab file (no daemon, no real crontab), and on the
# Task Scheduler backend against the ScheduledTasks double. No legacy process here: the resident
# poller is in E2E/Migration.E2E.Tests.ps1, the Windows process paths in
# Unit/Private/MigrationLegacyProcess.Tests.ps1.
BeforeDiscovery {
    $script:OnWindows = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
}

BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:Created = New-Object System.Collections.Generic.List[string]
    $script:Saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET; ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }

    function script:New-Folder([string] $Prefix) {
        $path = Join-Path ([System.IO.Path]::GetTempPath()) ($Prefix + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $path | Out-Null
        if (-not $IsWindows) { & chmod 700 $path }
        $Created.Add($path)
        $path
    }
    function script:Write-Definition([string] $Folder, [string] $File, [string] $Json) {
        [System.IO.File]::WriteAllText((Join-Path $Folder $File), $Json)
    }
    function script:Get-TaskFiles([string] $Store) {
        $map = [ordered]@{}
        $tasks = Join-Path $Store 'tasks'
        if (Test-Path $tasks) {
            foreach ($file in @(Get-ChildItem -LiteralPath $tasks -File | Sort-Object Name)) { $map[$file.Name] = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file.FullName)) }
        }
        $map | ConvertTo-Json
    }
}

AfterAll {
    foreach ($k in $Saved.Keys) { [System.Environment]::SetEnvironmentVariable($k, $Saved[$k]) }
    foreach ($path in $Created) { Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction SilentlyContinue }
    Remove-OrcTestModule
}

Describe 'Start-OrcMigration input checks' -Tag 'NotOnWine.CronBackend' -Skip:$OnWindows {
    BeforeEach {
        $env:ORC_HOME = New-Folder 'orc-mig-unit-'
        $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'crontab'
        $script:Defs = New-Folder 'orc-mig-unit-defs-'
        Write-Definition $Defs 'a.json' '{"name":"mig-a","action":{"command":"/bin/true"}}'
    }

    It 'refuses <Case> with <Id>, naming the fix, and writes nothing' -ForEach @(
        @{ Case = 'a definition path that is not a folder'; Id = 'Orc.InvalidPath'; Message = "*-DefinitionPath*is not a folder*"; Arrange = { @{ DefinitionPath = (Join-Path $Defs 'nope') } } }
        @{ Case = 'a folder without definitions'; Id = 'Orc.InvalidPath'; Message = '*holds no `*.json definitions*Import-OrcTask*'; Arrange = { Remove-Item (Join-Path $Defs 'a.json'); @{} } }
        @{ Case = 'a file without a name'; Id = 'Orc.InvalidDefinition'; Message = "*b.json' is not a task definition with a valid ""name""*"; Arrange = { Write-Definition $Defs 'b.json' '{"action":{"command":"/bin/true"}}'; @{} } }
        @{ Case = 'a file that is not JSON'; Id = 'Orc.InvalidDefinition'; Message = "*c.json' is not a task definition*"; Arrange = { Write-Definition $Defs 'c.json' 'name: x'; @{} } }
        @{ Case = 'a task defined twice'; Id = 'Orc.InvalidDefinition'; Message = "*'mig-a' is defined twice*"; Arrange = { Write-Definition $Defs 'z.json' '{"name":"mig-a","action":{"command":"/bin/false"}}'; @{} } }
        @{ Case = 'a missing legacy config file'; Id = 'Orc.InvalidPath'; Message = '*-LegacyConfigPath*is not a file*'; Arrange = { @{ LegacyConfigPath = (Join-Path $Defs 'missing.conf') } } }
        @{ Case = 'a stop timeout that is no duration'; Id = 'Orc.InvalidDuration'; Message = "*-StopTimeout 'soon'*"; Arrange = { @{ StopTimeout = 'soon' } } }
        @{ Case = 'a legacy pattern no process matches'; Id = 'Orc.LegacyProcessNotFound'; Message = '*No running process matches*'; Arrange = { @{ LegacyCommandLine = "no-such-poller-$([guid]::NewGuid())" } } }
        @{ Case = 'a PID file that does not exist'; Id = 'Orc.LegacyProcessNotFound'; Message = '*-LegacyPidFile*does not exist*'; Arrange = { @{ LegacyPidFile = (Join-Path $Defs 'none.pid') } } }
    ) {
        $parameters = @{ Name = 'bad'; DefinitionPath = $Defs }
        $extra = & $Arrange
        foreach ($key in $extra.Keys) { $parameters[$key] = $extra[$key] }
        { Start-OrcMigration @parameters } | Should -Throw -ErrorId "$Id,*" -ExpectedMessage $Message
        Test-Path (Join-Path $env:ORC_HOME 'migrations/bad') | Should -BeFalse
        Test-Path (Join-Path $env:ORC_HOME 'tasks') | Should -BeFalse
        Test-Path $env:ORC_CRON_TARGET | Should -BeFalse
    }

    It 'refuses to resume with another definition folder, and to start a rolled-back name again' {
        Start-OrcMigration -Name m -DefinitionPath $Defs
        $other = New-Folder 'orc-mig-unit-other-'
        Write-Definition $other 'a.json' '{"name":"mig-a","action":{"command":"/bin/true"}}'
        $state = Join-Path $env:ORC_HOME 'migrations/m/state.json'
        $json = Get-Content -Raw $state | ConvertFrom-Json
        $json.status = 'Failed'
        $json.steps.PSObject.Properties.Remove('record')
        $json | ConvertTo-Json -Depth 10 | Set-Content $state
        { Start-OrcMigration -Name m -DefinitionPath $other } | Should -Throw -ErrorId 'Orc.MigrationMismatch,*' -ExpectedMessage "*was started with -DefinitionPath '$Defs'*"
        Undo-OrcMigration -Name m -Confirm:$false
        { Start-OrcMigration -Name m -DefinitionPath $Defs } | Should -Throw -ErrorId 'Orc.MigrationRolledBack,*' -ExpectedMessage '*another -Name*'
    }

    It 'reports an unknown migration to Undo-OrcMigration and Get-OrcMigration with Orc.MigrationNotFound' {
        Undo-OrcMigration -Name nothing -Confirm:$false -ErrorVariable undoErrors -ErrorAction SilentlyContinue
        $undoErrors[0].FullyQualifiedErrorId | Should -BeLike 'Orc.MigrationNotFound,*'
        Get-OrcMigration -Name nothing -ErrorVariable getErrors -ErrorAction SilentlyContinue
        $getErrors[0].FullyQualifiedErrorId | Should -BeLike 'Orc.MigrationNotFound,*'
        @(Get-OrcMigration -Name 'no*').Count | Should -Be 0
    }
}

Describe 'Start-OrcMigration then Undo-OrcMigration on the cron backend (crontab file)' -Tag 'NotOnWine.CronBackend' -Skip:$OnWindows {
    BeforeAll {
        $env:ORC_HOME = New-Folder 'orc-mig-unit-'
        $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'crontab'
        $utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
        # Foreign lines that must come back byte for byte: CRLF, a tab, %, no final newline.
        [System.IO.File]::WriteAllBytes($env:ORC_CRON_TARGET, $utf8.GetBytes("# keep me`r`n17 3 * * *`t/bin/true 100% done # foreign`nMAILTO=`"`"`n5 4 * * * /bin/echo no-newline"))
        Register-OrcTask -Name mig-keep -Command /bin/false -Cron '0 1 * * *' -Description 'the one before'
        Register-OrcTask -Name mig-off -Command /bin/false -Cron '0 5 * * *'
        Disable-OrcTask -Name mig-off -Confirm:$false
        $script:Defs = New-Folder 'orc-mig-unit-defs-'
        Write-Definition $Defs 'keep.json' '{"name":"mig-keep","description":"migrated","action":{"command":"/bin/echo","arguments":["a b","%"]},"schedule":{"cron":"30 2 * * *"}}'
        Write-Definition $Defs 'off.json' '{"name":"mig-off","action":{"command":"/bin/true"},"schedule":{"cron":"0 6 * * *"}}'
        Write-Definition $Defs 'new.json' '{"name":"mig-new","action":{"command":"/bin/true"},"schedule":{"interval":"15m"}}'
        Write-Definition $Defs 'ondemand.json' '{"name":"mig-ondemand","action":{"command":"/bin/true"}}'
        $script:CronBefore = [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET)
        $script:TasksBefore = Get-TaskFiles $env:ORC_HOME
    }

    It 'migrates: every task registered, the replaced ones changed, the migration Completed' {
        $migration = Start-OrcMigration -Name m1 -DefinitionPath $Defs -PassThru
        $migration.Status | Should -Be 'Completed'
        $migration.Added | Should -Be @('mig-new', 'mig-ondemand')
        $migration.Replaced | Should -Be @('mig-keep', 'mig-off')
        (Get-OrcTask -Name mig-keep).Command | Should -Be '/bin/echo'
        (Get-OrcTask -Name mig-off).Enabled | Should -BeTrue
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -Match '(?m)^\*/15 \* \* \* \* .*# orchestrator:task=mig-new$'
    }

    It 'rolls back: crontab and definitions byte for byte as before, the disabled task disabled again' {
        Undo-OrcMigration -Name m1 -Confirm:$false
        [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET) | Should -Be $CronBefore
        Get-TaskFiles $env:ORC_HOME | Should -BeExactly $TasksBefore
        (Get-OrcTask -Name mig-off).Enabled | Should -BeFalse
        (Get-OrcMigration -Name m1).Status | Should -Be 'RolledBack'
    }

    It 'takes the snapshot again when a run died while writing it, and removes the half-written one' {
        $stale = Join-Path $env:ORC_HOME 'migrations/m3/.snapshot-dead/tasks'
        New-Item -ItemType Directory -Path $stale -Force | Out-Null
        [System.IO.File]::WriteAllText((Join-Path $stale 'mig-keep.json'), '{"name":"mig-keep","action":{"comm')
        $migration = Start-OrcMigration -Name m3 -DefinitionPath $Defs -PassThru
        $migration.Status | Should -Be 'Completed'
        @(Get-ChildItem -LiteralPath $migration.Path -Force | ForEach-Object Name | Sort-Object) | Should -Be @('snapshot', 'state.json')
        Undo-OrcMigration -Name m3 -Confirm:$false
        [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET) | Should -Be $CronBefore
        Get-TaskFiles $env:ORC_HOME | Should -BeExactly $TasksBefore
    }

    It 'changes nothing with Undo-OrcMigration -WhatIf on a completed migration' {
        Start-OrcMigration -Name m2 -DefinitionPath $Defs
        $cron = [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET)
        $tasks = Get-TaskFiles $env:ORC_HOME
        $state = [System.IO.File]::ReadAllBytes((Join-Path $env:ORC_HOME 'migrations/m2/state.json'))
        Undo-OrcMigration -Name m2 -WhatIf
        [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET) | Should -Be $cron
        Get-TaskFiles $env:ORC_HOME | Should -BeExactly $tasks
        [System.IO.File]::ReadAllBytes((Join-Path $env:ORC_HOME 'migrations/m2/state.json')) | Should -Be $state
        Undo-OrcMigration -Name m2 -Confirm:$false
        [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET) | Should -Be $CronBefore
    }
}

Describe 'Start-OrcMigration then Undo-OrcMigration on Task Scheduler (the ScheduledTasks double)' -Tag 'NotOnWine.Xmllint' {
    BeforeAll {
        Import-OrcScheduledTasksDouble
        $root = New-Folder 'orc-mig-std-'
        $env:ORC_HOME = Join-Path $root 'ProgramData/Orchestrator'
        $env:ProgramFiles = Join-Path $root 'Program Files'
        $env:ProgramW6432 = $env:ProgramFiles
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME -Force
        $script:Defs = New-Folder 'orc-mig-std-defs-'
        $script:Command = (Get-Process -Id $PID).Path
        Write-Definition $Defs 'keep.json' ('{"name":"mig-keep","action":{"command":' + (ConvertTo-Json $Command) + ',"arguments":["-v"]},"schedule":{"cron":"30 2 * * *"}}')
        Write-Definition $Defs 'new.json' ('{"name":"mig-new","action":{"command":' + (ConvertTo-Json $Command) + '},"schedule":{"interval":"15m"}}')
    }
    BeforeEach {
        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
    }
    AfterAll {
        Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue
    }

    It 'restores the replaced task''s XML (but its registration date) and definition byte for byte, disabled, and removes the added one' {
        Register-OrcTask -Name mig-keep -Command $Command -Cron '0 1 * * *' -ErrorAction Stop
        Disable-OrcTask -Name mig-keep -Confirm:$false
        $xmlBefore = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName 'Orc_mig-keep'
        $tasksBefore = Get-TaskFiles $env:ORC_HOME

        $migration = Start-OrcMigration -Name std -DefinitionPath $Defs -PassThru
        $migration.Status | Should -Be 'Completed'
        @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' | ForEach-Object TaskName | Sort-Object) | Should -Be @('Orc_mig-keep', 'Orc_mig-new')
        $snapshot = Join-Path $migration.Path 'snapshot/registrations/mig-keep.txt'
        [System.IO.File]::ReadAllText($snapshot) | Should -BeExactly $xmlBefore

        Undo-OrcMigration -Name std -Confirm:$false -ErrorAction Stop
        # Byte for byte but for the registration time, which Task Scheduler sets at every registration.
        $undated = { param($Xml) $Xml -replace '<Date>[^<]*</Date>', '<Date/>' }
        $xmlAfter = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName 'Orc_mig-keep'
        & $undated $xmlAfter | Should -BeExactly (& $undated $xmlBefore)
        (ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -TaskName 'Orc_mig-keep').State | Should -Be 'Disabled'
        @(ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' | ForEach-Object TaskName) | Should -Be @('Orc_mig-keep')
        Get-TaskFiles $env:ORC_HOME | Should -BeExactly $tasksBefore
    }
}
