# The OrcTask DSC resource, called as the LCM calls it (Get/Test/Set on a new instance), against the
# real orc-exec and each backend: the ScheduledTasks double (with a call log of every scheduler
# write) and the cron backend writing a crontab file. Get and Test must never write: the double's
# call log, the crontab bytes and the store's files are compared around every Get/Test.
BeforeDiscovery {
    $script:backends = @(
        @{ Backend = 'Task Scheduler (the ScheduledTasks double)'; Windows = $true }
        @{ Backend = 'cron'; Windows = $false }
    )
}
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DoubleCallLog.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:dscModule = Import-Module (Join-Path $script:RepoRoot 'powershell/Dsc/OrchestratorDsc/OrchestratorDsc.psd1') -Force -PassThru
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET; ProgramFiles = $env:ProgramFiles; ProgramW6432 = $env:ProgramW6432 }

    function New-Resource {
        # A fresh instance per call, as the LCM makes one per operation.
        param([hashtable] $Property = @{})
        $resource = & $script:dscModule { [OrcTask]::new() }
        foreach ($key in $Property.Keys) { $resource.$key = $Property[$key] }
        $resource
    }
    function New-Definition([string] $Name = 'dsc-a', [string] $Cron = '0 3 * * *', [string] $Command = '/bin/true') {
        '{"name":"' + $Name + '","schedule":{"cron":"' + $Cron + '"},"action":{"command":"' + $Command + '"}}'
    }
    function Write-Definition([string] $Text, [string] $Name = 'dsc-a') {
        $file = Join-Path $script:definitions "$Name.json"
        [System.IO.File]::WriteAllText($file, $Text)
        $file
    }
    # Everything a write could change: the store's files (bytes and times), the crontab bytes and
    # the scheduler writes the double saw. Logs are left out: reading may log.
    function Get-Footprint {
        $files = @(Get-ChildItem -Path $env:ORC_HOME -Recurse -File -ErrorAction SilentlyContinue |
                Where-Object { $_.FullName -notlike (Join-Path $env:ORC_HOME 'logs*') } |
                Sort-Object FullName |
                ForEach-Object { '{0} {1} {2}' -f $_.FullName, (Get-FileHash -LiteralPath $_.FullName).Hash, $_.LastWriteTimeUtc.Ticks })
        $cron = ''
        if ($env:ORC_CRON_TARGET -and (Test-Path $env:ORC_CRON_TARGET)) { $cron = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) }
        [pscustomobject]@{ Files = $files -join "`n"; Cron = $cron; Writes = @(Get-OrcDoubleCallLog) -join "`n" }
    }
    function Assert-NoWrite([scriptblock] $Operation) {
        Clear-OrcDoubleCallLog
        $before = Get-Footprint
        $result = & $Operation
        $after = Get-Footprint
        $after.Writes | Should -BeNullOrEmpty -Because 'Get and Test never write to the scheduler'
        $after.Cron | Should -BeExactly $before.Cron -Because 'Get and Test never write the crontab'
        $after.Files | Should -BeExactly $before.Files -Because 'Get and Test never write the store'
        , $result
    }
    function Edit-Registration([string] $Name, [string] $From, [string] $To) {
        # What an administrator does in taskschd.msc, or with crontab -e.
        if ($script:onWindows) {
            $xml = ScheduledTasks\Export-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name"
            $xml | Should -Match ([regex]::Escape($From))
            $null = ScheduledTasks\Register-ScheduledTask -TaskPath '\Orchestrator\' -TaskName "Orc_$Name" -Xml $xml.Replace($From, $To) -Force
        }
        else {
            $text = [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
            $text | Should -Match ([regex]::Escape($From))
            [System.IO.File]::WriteAllText($env:ORC_CRON_TARGET, $text.Replace($From, $To))
        }
    }
}
AfterAll {
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    $env:ProgramFiles = $script:saved.ProgramFiles
    $env:ProgramW6432 = $script:saved.ProgramW6432
    Remove-Module OrchestratorDsc -Force -ErrorAction SilentlyContinue
    Remove-Module ScheduledTasks -Force -ErrorAction SilentlyContinue
    Remove-OrcTestModule
}

# Under Wine neither backend is reachable: the double needs the Linux xmllint, cron is Unix-only.
Describe 'OrcTask on <Backend>' -ForEach $backends -Tag 'NotOnWine.Xmllint', 'NotOnWine.CronBackend' {
    BeforeAll {
        $script:onWindows = $Windows
        Import-OrcScheduledTasksDouble
        Enable-OrcDoubleCallLog
    }
    BeforeEach {
        $script:root = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-dsc-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_HOME = Join-Path $script:root 'ProgramData/Orchestrator'
        $env:ORC_CRON_TARGET = Join-Path $script:root 'crontab'
        $env:ProgramFiles = Join-Path $script:root 'Program Files'
        $env:ProgramW6432 = $env:ProgramFiles
        $script:definitions = Join-Path $script:root 'definitions'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME, $script:definitions -Force
        & (Get-Module ScheduledTasks) { Reset-ScheduledTaskDouble -Confirm:$false }
        Clear-OrcDoubleCallLog
        if ($Windows) {
            Mock Test-OrcWindows { $true }
            Mock Test-OrcElevated { $true }
        }
    }
    AfterEach {
        Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    }

    Context 'when the task is not registered' {
        It 'Test is false with a Missing reason, and Get says Absent, without writing anything' {
            $file = Write-Definition (New-Definition)
            $resource = New-Resource @{ Name = 'dsc-a'; Path = $file }
            Assert-NoWrite { $resource.Test() } | Should -BeFalse
            $current = Assert-NoWrite { $resource.Get() }
            $current.Ensure | Should -Be 'Absent'
            $current.Name | Should -Be 'dsc-a'
            @($current.Reasons).Count | Should -BeGreaterThan 0
            $current.Reasons[0].Code | Should -Be 'OrcTask:OrcTask:Missing'
        }

        It 'Set registers it; then Test is true, Get says Present with no reason, and a second Set writes nothing' {
            $file = Write-Definition (New-Definition)
            Clear-OrcDoubleCallLog
            (New-Resource @{ Name = 'dsc-a'; Path = $file }).Set()
            (Get-OrcTask -Name dsc-a).Name | Should -Be 'dsc-a'
            if ($Windows) {
                # The call log sees the module's writes, so its silence below means something.
                Get-OrcDoubleCallLog | Should -Be @('Register-ScheduledTask \Orchestrator\Orc_dsc-a')
            }
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Path = $file }).Test() } | Should -BeTrue
            $current = Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Path = $file }).Get() }
            $current.Ensure | Should -Be 'Present'
            @($current.Reasons).Count | Should -Be 0
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Path = $file }).Set() }
        }

        It 'takes the definition inline, or a folder that holds (Name).json' {
            (New-Resource @{ Name = 'dsc-a'; Definition = (New-Definition) }).Set()
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Definition = (New-Definition) }).Test() } | Should -BeTrue
            $null = Write-Definition (New-Definition)
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Path = $script:definitions }).Test() } | Should -BeTrue
            @(Get-ChildItem -Path ([System.IO.Path]::GetTempPath()) -Filter 'orc-dsc-*' -Directory |
                    Where-Object { $_.LastWriteTimeUtc -gt [datetime]::UtcNow.AddMinutes(-1) }).Count | Should -Be 0 -Because 'the inline definition is written to a temporary folder that is removed'
        }
    }

    Context 'when the definition is refused' {
        It 'Set throws with Sync-OrcTask''s reason and registers nothing' {
            $bad = New-Resource @{ Name = 'dsc-a'; Definition = (New-Definition -Cron '61 * * * *') }
            { $bad.Set() } | Should -Throw -ExpectedMessage "OrcTask 'dsc-a': Sync-OrcTask could not apply 'Definition': *"
            Get-OrcTask -Name dsc-a -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-OrcDoubleCallLog | Should -BeNullOrEmpty
        }
    }

    Context 'when the definition changed' {
        It 'Test is false with a Different reason until Set applies the new definition' {
            (New-Resource @{ Name = 'dsc-a'; Definition = (New-Definition -Cron '0 3 * * *') }).Set()
            $changed = New-Resource @{ Name = 'dsc-a'; Definition = (New-Definition -Cron '30 5 * * 1') }
            Assert-NoWrite { $changed.Test() } | Should -BeFalse
            $current = Assert-NoWrite { $changed.Get() }
            $current.Ensure | Should -Be 'Present'
            $current.Reasons[0].Code | Should -Be 'OrcTask:OrcTask:Different'
            $changed.Set()
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Definition = (New-Definition -Cron '30 5 * * 1') }).Test() } | Should -BeTrue
            (Export-OrcTask -Name dsc-a) | Should -Match '30 5 \* \* 1'
        }
    }

    Context 'when the registration was edited by hand' {
        It 'Test is false with a Different reason and Set puts the definition back' {
            $file = Write-Definition (New-Definition -Cron '0 3 * * *')
            (New-Resource @{ Name = 'dsc-a'; Path = $file }).Set()
            if ($Windows) { Edit-Registration -Name dsc-a -From 'T03:00:00' -To 'T04:00:00' }
            else { Edit-Registration -Name dsc-a -From '0 3 * * *' -To '0 4 * * *' }
            $resource = New-Resource @{ Name = 'dsc-a'; Path = $file }
            Assert-NoWrite { $resource.Test() } | Should -BeFalse
            (Assert-NoWrite { $resource.Get() }).Reasons[0].Code | Should -Be 'OrcTask:OrcTask:Different'
            $resource.Set()
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Path = $file }).Test() } | Should -BeTrue
        }
    }

    Context 'when Ensure is Absent' {
        It 'Test is false while the task exists, Set removes registration and definition, then Test is true' {
            $file = Write-Definition (New-Definition)
            (New-Resource @{ Name = 'dsc-a'; Path = $file }).Set()
            $absent = New-Resource @{ Name = 'dsc-a'; Ensure = 'Absent' }
            Assert-NoWrite { $absent.Test() } | Should -BeFalse
            $current = Assert-NoWrite { $absent.Get() }
            $current.Ensure | Should -Be 'Present'
            $current.Reasons[0].Code | Should -Be 'OrcTask:OrcTask:Extra'
            $absent.Set()
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Ensure = 'Absent' }).Test() } | Should -BeTrue
            (Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Ensure = 'Absent' }).Get() }).Ensure | Should -Be 'Absent'
            Get-OrcTask -Name dsc-a -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            if ($Windows) {
                ScheduledTasks\Get-ScheduledTask -TaskPath '\Orchestrator\' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            }
            else {
                [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET) | Should -Not -Match 'dsc-a'
            }
        }

        It 'Set writes nothing when the task is already gone, and leaves other tasks alone' {
            $null = Write-Definition (New-Definition -Name 'dsc-b') -Name 'dsc-b'
            (New-Resource @{ Name = 'dsc-b'; Path = $script:definitions }).Set()
            Assert-NoWrite { (New-Resource @{ Name = 'dsc-a'; Ensure = 'Absent' }).Set() }
            (Get-OrcTask -Name dsc-b).Name | Should -Be 'dsc-b'
        }
    }
}

Describe 'OrcTask input' {
    # No backend is reached: each mistake is refused before any cmdlet runs, naming the property.
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a wildcard name'; Property = @{ Name = 'dsc*'; Definition = '{}' }; Message = "*Name 'dsc`**' is not a task name*" }
        @{ Case = 'neither Path nor Definition'; Property = @{ Name = 'dsc-a' }; Message = '*set exactly one of Path*and Definition*' }
        @{ Case = 'both Path and Definition'; Property = @{ Name = 'dsc-a'; Path = '/nonexistent'; Definition = '{}' }; Message = '*set exactly one of Path*and Definition*' }
        @{ Case = 'a Path with no definition file'; Property = @{ Name = 'dsc-a'; Path = '/nonexistent/dsc-a.json' }; Message = "*Path '/nonexistent/dsc-a.json' has no definition file*" }
        @{ Case = 'a definition that is not JSON'; Property = @{ Name = 'dsc-a'; Definition = 'name: dsc-a' }; Message = '*Definition is not valid JSON*' }
        @{ Case = 'a definition with another name'; Property = @{ Name = 'dsc-a'; Definition = '{"name":"other"}' }; Message = '*"name": "other"*set Name to ''other''*' }
    ) {
        foreach ($method in 'Get', 'Test', 'Set') {
            $resource = New-Resource $Property
            { $resource.$method() } | Should -Throw -ExpectedMessage $Message -Because "$method checks its input first"
        }
    }
}

Describe 'OrchestratorDsc manifest' {
    It 'exports the OrcTask class resource, so DSC discovers it, and imports on this edition' {
        $manifest = Import-PowerShellDataFile (Join-Path $script:RepoRoot 'powershell/Dsc/OrchestratorDsc/OrchestratorDsc.psd1')
        $manifest.DscResourcesToExport | Should -Be @('OrcTask')
        $manifest.RootModule | Should -Be 'OrchestratorDsc.psm1'
        $resource = & $script:dscModule { [OrcTask] }
        $resource.CustomAttributes.AttributeType.Name | Should -Contain 'DscResourceAttribute'
    }

    It 'passes the Windows PowerShell 5.1 check' {
        . (Join-Path $script:RepoRoot 'powershell/tests/QA/Find-Pwsh7Construct.ps1')
        foreach ($file in Get-ChildItem -Path (Join-Path $script:RepoRoot 'powershell/Dsc') -Include *.psm1, *.psd1 -Recurse -File) {
            @(Find-Pwsh7Construct -Path $file.FullName -StrictMode) | Should -BeNullOrEmpty -Because $file.Name
        }
    }
}
