# Sync-OrcTask and Test-OrcTaskState on the Task Scheduler backend: Test-OrcWindows is forced and the
# ScheduledTasks cmdlets are the double in ../ScheduledTasksDouble, so what crosses the boundary is
# what the double's task store holds. Zero writes = the same task entries (the double replaces an
# entry on every Register-ScheduledTask) with the same XML and Enabled flag.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    Import-OrcScheduledTasksDouble
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }
    $script:realInvoke = & (Get-Module Orchestrator) { ${function:Invoke-OrcExec} }
    $script:realBackend = & (Get-Module Orchestrator) { ${function:Get-OrcBackendTask} }

    function script:Reset-Machine {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-syncstd-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $script:root 'ProgramData/Orchestrator'
        $env:ProgramFiles = Join-Path $script:root 'Program Files'
        $env:ProgramW6432 = $env:ProgramFiles
        $script:desired = Join-Path $script:root 'desired'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME, $script:desired
        Reset-ScheduledTaskDouble
    }
    function script:Set-Definition([string] $Name, [string] $Cron = '0 2 * * *', [string] $Extra = '') {
        $json = '{"name":"' + $Name + '","action":{"command":"C:\\Tools\\job.exe","arguments":["' + $Name + '"]},"schedule":{"cron":"' + $Cron + '"}' + $Extra + '}'
        [System.IO.File]::WriteAllText((Join-Path $script:desired "$Name.json"), $json)
    }
    function script:Get-DoubleEntry {
        # The double's task store: key -> entry (Document, Enabled, ...).
        & (Get-Module ScheduledTasks) { $script:Tasks }
    }
    function script:Get-DoubleXml($Entry) {
        ScheduledTasks\Export-ScheduledTask -TaskPath $Entry.TaskPath -TaskName $Entry.TaskName
    }
    function script:Get-DoubleSnapshot {
        $tasks = Get-DoubleEntry
        $snapshot = @{}
        foreach ($key in $tasks.Keys) {
            $snapshot[$key] = [pscustomobject]@{ Entry = $tasks[$key]; Xml = (Get-DoubleXml $tasks[$key]); Enabled = $tasks[$key].Enabled }
        }
        $snapshot
    }
    function script:Assert-NoSchedulerWrite([hashtable] $Before) {
        $after = Get-DoubleEntry
        @($after.Keys | Sort-Object) | Should -Be @($Before.Keys | Sort-Object)
        foreach ($key in $Before.Keys) {
            [object]::ReferenceEquals($after[$key], $Before[$key].Entry) | Should -BeTrue -Because "$key must not be registered again"
            Get-DoubleXml $after[$key] | Should -Be $Before[$key].Xml
            $after[$key].Enabled | Should -Be $Before[$key].Enabled
        }
    }
    function script:New-ForeignXml {
        @'
<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task" version="1.4">
  <Triggers><CalendarTrigger><StartBoundary>2026-01-01T03:00:00</StartBoundary><Enabled>true</Enabled><ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay></CalendarTrigger></Triggers>
  <Principals><Principal id="Author"><UserId>S-1-5-18</UserId><RunLevel>HighestAvailable</RunLevel></Principal></Principals>
  <Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy><ExecutionTimeLimit>PT0S</ExecutionTimeLimit></Settings>
  <Actions Context="Author"><Exec><Command>C:\Other\tool.exe</Command></Exec></Actions>
</Task>
'@
    }
}
AfterAll {
    Reset-ScheduledTaskDouble
    Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue
    foreach ($key in $script:saved.Keys) {
        if ($null -eq $script:saved[$key]) { Remove-Item -Path "env:$key" -ErrorAction SilentlyContinue }
        else { Set-Item -Path "env:$key" -Value $script:saved[$key] }
    }
    Remove-OrcTestModule
}

# NotOnWine.Xmllint: the double validates task XML with Linux's xmllint (see ScheduledTasksDouble.Tests.ps1).
Describe 'Sync-OrcTask on the ScheduledTasks double' -Tag 'NotOnWine.Xmllint' {
    BeforeEach {
        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
        Reset-Machine
        foreach ($n in 'alpha', 'beta', 'gamma') { Set-Definition $n }
    }
    AfterEach { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

    It 'registers every definition under \Orchestrator\ on the first run' {
        $results = @(Sync-OrcTask -Path $script:desired -PassThru)
        ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('alpha=Added', 'beta=Added', 'gamma=Added')
        @((Get-DoubleEntry).Keys | Sort-Object) | Should -Be @('\orchestrator\orc_alpha', '\orchestrator\orc_beta', '\orchestrator\orc_gamma')
    }

    Context 'when it is synced twice' {
        It 'reports every task Unchanged with zero scheduler writes, one scheduler query and one orc-exec process' {
            $null = Sync-OrcTask -Path $script:desired
            $before = Get-DoubleSnapshot
            Mock Invoke-OrcExec { & $script:realInvoke @PesterBoundParameters }
            Mock Get-OrcBackendTask { & $script:realBackend @PesterBoundParameters }
            $results = @(Sync-OrcTask -Path $script:desired -PassThru)
            $results.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
            Assert-NoSchedulerWrite $before
            Should -Invoke Invoke-OrcExec -Times 1 -Exactly
            Should -Invoke Get-OrcBackendTask -Times 1 -Exactly
        }
    }

    Context 'when a task was edited in Task Scheduler (taskschd.msc)' {
        It 'reports the edited part in Test-OrcTaskState and registers the definition again on Sync' {
            $null = Sync-OrcTask -Path $script:desired
            $entry = (Get-DoubleEntry)['\orchestrator\orc_beta']
            $boundary = $entry.Document.GetElementsByTagName('StartBoundary')[0]
            $boundary.InnerText = $boundary.InnerText -replace 'T02:00:00', 'T05:30:00'

            $state = @(Test-OrcTaskState -Path $script:desired) | Where-Object Name -eq 'beta'
            $state.State | Should -Be 'Different'
            $state.Differences | Should -Be @('Triggers')
            $state.Reason | Should -Match 'Triggers'

            $results = @(Sync-OrcTask -Path $script:desired)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('beta=Updated')
            (Get-DoubleEntry)['\orchestrator\orc_beta'].Document.GetElementsByTagName('StartBoundary')[0].InnerText | Should -Match 'T02:00:00'
            Test-OrcTaskState -Path $script:desired -Quiet | Should -BeTrue
        }

        It 'reports a task disabled by hand and enables it again' {
            $null = Sync-OrcTask -Path $script:desired
            ScheduledTasks\Disable-ScheduledTask -TaskPath '\Orchestrator\' -TaskName 'Orc_gamma' | Out-Null
            $state = @(Test-OrcTaskState -Path $script:desired) | Where-Object Name -eq 'gamma'
            $state.State | Should -Be 'Different'
            $state.Differences | Should -Contain 'Enabled'
            $null = Sync-OrcTask -Path $script:desired
            (Get-DoubleEntry)['\orchestrator\orc_gamma'].Enabled | Should -BeTrue
        }
    }

    Context 'with -Prune' {
        It 'removes only our tasks whose file is gone, never a task outside \Orchestrator\ or not ours' {
            $null = Sync-OrcTask -Path $script:desired
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-ForeignXml) -TaskPath '\Other\' -TaskName 'Orc_gamma'
            $null = ScheduledTasks\Register-ScheduledTask -Xml (New-ForeignXml) -TaskPath '\Other\' -TaskName 'Backup'
            Remove-Item (Join-Path $script:desired 'gamma.json')
            $results = @(Sync-OrcTask -Path $script:desired -Prune -Confirm:$false)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('gamma=Removed')
            @((Get-DoubleEntry).Keys | Sort-Object) | Should -Be @('\orchestrator\orc_alpha', '\orchestrator\orc_beta', '\other\backup', '\other\orc_gamma')
            Join-Path $env:ORC_HOME 'tasks/gamma.json' | Should -Not -Exist
        }
    }

    Context 'when the scheduler refuses one task' {
        It 'syncs the others and reports that one Failed with the scheduler''s reason' {
            # A principal the XSD refuses: the double answers as Task Scheduler does.
            Set-Definition 'beta' -Extra ',"runAs":{"type":"user","user":"CONTOSO\\svc","logonType":"password"}'
            $results = @(Sync-OrcTask -Path $script:desired -ErrorVariable problems -ErrorAction SilentlyContinue)
            ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('alpha=Added', 'beta=Failed', 'gamma=Added')
            $results[1].Reason | Should -Match 'Credential|password'
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'Orc.SyncFailed,*'
        }
    }
}

Describe 'Export-OrcTask then Sync-OrcTask on the ScheduledTasks double' -Tag 'NotOnWine.Xmllint' {
    BeforeEach {
        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
        Reset-Machine
    }
    AfterEach { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

    It 'gives a fresh store and scheduler the same task XML' {
        Register-OrcTask -Name nightly -Command 'C:\Tools\export.exe' -ArgumentList '--db', 'a b' -Cron '30 1 * * 1-5' -Timeout '2h' -RetryCount 2 -RetryDelay '1m'
        Register-OrcTask -Name boot -Command 'C:\Tools\warm.exe' -AtStartup
        $exported = Join-Path $script:root 'exported'
        $null = New-Item -ItemType Directory -Path $exported
        $null = Export-OrcTask -Name nightly, boot -Path $exported
        $xml = @{}
        foreach ($n in 'nightly', 'boot') { $xml[$n] = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$n" }

        Reset-ScheduledTaskDouble
        $env:ORC_HOME = Join-Path $script:root 'fresh'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME
        $results = @(Sync-OrcTask -Path $exported -PassThru)
        ($results | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('boot=Added', 'nightly=Added')
        foreach ($n in 'nightly', 'boot') {
            $again = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$n"
            # Only the store path on the command line and the registration date differ.
            $strip = { param($text, $storeHome) ($text.Replace($storeHome, '<home>')) -replace '<Date>[^<]*</Date>', '<Date/>' }
            (& $strip $again $env:ORC_HOME) | Should -BeExactly (& $strip $xml[$n] (Join-Path $script:root 'ProgramData/Orchestrator'))
        }
    }

    It 'never exports the password a task was registered with' {
        $password = 'S3cret-' + [guid]::NewGuid().ToString('N')
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\svc', (ConvertTo-SecureString $password -AsPlainText -Force)
        Register-OrcTask -Name runas -Command 'C:\Tools\job.exe' -Cron '0 3 * * *' -Credential $credential
        $exported = Join-Path $script:root 'exported'
        $null = New-Item -ItemType Directory -Path $exported
        $file = Export-OrcTask -Name runas -Path $exported
        $text = [System.IO.File]::ReadAllText($file.FullName)
        $text | Should -Match 'CONTOSO'
        $text | Should -Not -Match ([regex]::Escape($password))
        Get-ChildItem -Path $env:ORC_HOME -Recurse -File | ForEach-Object {
            [System.IO.File]::ReadAllText($_.FullName) | Should -Not -Match ([regex]::Escape($password)) -Because "$($_.FullName) is in the store"
        }
    }
}
