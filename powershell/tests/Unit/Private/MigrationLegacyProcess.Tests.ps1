# The Windows code paths of legacy process handling run against a faked CIM boundary: CimCmdlets
# does not exist on Linux, so a stub module with the real command names stands in and every call
# that crosses it is asserted (class, filter, method, arguments).
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    # The stub replaces the real CimCmdlets on a Windows host too (as the ScheduledTasks double
    # does): under Wine the real MI client hangs, and its typed parameters would refuse fakes.
    $script:HadCimCmdlets = [bool](Get-Module -Name CimCmdlets)
    Remove-Module CimCmdlets -Force -ErrorAction SilentlyContinue
    & {
        New-Module -Name CimCmdlets -ScriptBlock {
            function Get-CimInstance {
                [CmdletBinding()]
                param([string] $ClassName, [string] $Filter)
                throw 'CimCmdlets stub: mock Get-CimInstance'
            }
            function Invoke-CimMethod {
                [CmdletBinding()]
                param([Parameter(ValueFromPipeline)] [object] $InputObject, [string] $ClassName, [string] $MethodName, [System.Collections.IDictionary] $Arguments)
                throw 'CimCmdlets stub: mock Invoke-CimMethod'
            }
            Export-ModuleMember -Function *
        } | Import-Module -Force -Global
    }

    function script:New-FakeProcess([int] $Id, [int] $Parent, [string] $CommandLine, [string] $Executable, [datetime] $Created = '2026-11-30T08:00:00Z') {
        [pscustomobject]@{
            PSTypeName      = 'Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_Process'
            ProcessId       = [uint32]$Id
            ParentProcessId = [uint32]$Parent
            CommandLine     = $CommandLine
            ExecutablePath  = $Executable
            CreationDate    = $Created
        }
    }
}
AfterAll {
    Remove-Module CimCmdlets -Force -ErrorAction SilentlyContinue
    if ($HadCimCmdlets) { Import-Module CimCmdlets }
    Remove-OrcTestModule
}

Describe 'Get-OrcLegacyProcess on Windows (CIM)' {
    BeforeEach {
        Mock Test-OrcWindows { $true }
        $script:Poller = New-FakeProcess 4242 600 'C:\Python312\python.exe main.py --loop 30' 'C:\Python312\python.exe'
        $script:Shell = New-FakeProcess $PID 500 'pwsh.exe -Command Start-OrcMigration -LegacyCommandLine *main.py*' 'C:\pwsh\pwsh.exe'
        $script:ShellParent = New-FakeProcess 500 1 'cmd.exe /c run.cmd *main.py*' 'C:\Windows\System32\cmd.exe'
        $script:Other = New-FakeProcess 777 1 'C:\Tools\other.exe' 'C:\Tools\other.exe'
        Mock Get-CimInstance { $Poller, $Shell, $ShellParent, $Other } -ModuleName Orchestrator
        Mock Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0; Domain = 'CORP'; User = 'svc-poller' } } -ModuleName Orchestrator -ParameterFilter { $MethodName -eq 'GetOwner' }
    }

    Context 'when searching by command line' {
        It 'lists Win32_Process once and returns the matching process with its owner, never this session or its parents' {
            $found = @(InModuleScope Orchestrator { Get-OrcLegacyProcess -CommandLine '*main.py*' })
            $found.Count | Should -Be 1
            $found[0].ProcessId | Should -Be 4242
            $found[0].CommandLine | Should -BeExactly 'C:\Python312\python.exe main.py --loop 30'
            $found[0].Executable | Should -BeExactly 'C:\Python312\python.exe'
            $found[0].WorkingDirectory | Should -BeExactly 'C:\Python312'
            $found[0].User | Should -BeExactly 'CORP\svc-poller'
            $found[0].Platform | Should -Be 'Windows'
            Should -Invoke Get-CimInstance -ModuleName Orchestrator -Exactly 1 -ParameterFilter { $ClassName -eq 'Win32_Process' -and -not $Filter }
            Should -Invoke Invoke-CimMethod -ModuleName Orchestrator -Exactly 1 -ParameterFilter { $MethodName -eq 'GetOwner' -and $InputObject.ProcessId -eq 4242 }
        }

        It 'matches a regular expression with -Match Regex' {
            $found = @(InModuleScope Orchestrator { Get-OrcLegacyProcess -CommandLine 'python\.exe main\.py' -Match Regex })
            $found.ProcessId | Should -Be 4242
        }
    }

    Context 'when reading a PID file' {
        It 'queries only that process ID' {
            $file = Join-Path $TestDrive 'poller.pid'
            [System.IO.File]::WriteAllText($file, "4242`r`n")
            Mock Get-CimInstance { $Poller } -ModuleName Orchestrator -ParameterFilter { $Filter -eq 'ProcessId = 4242' }
            $found = @(InModuleScope Orchestrator -Parameters @{ File = $file } { param($File) Get-OrcLegacyProcess -PidFile $File })
            $found.ProcessId | Should -Be 4242
            Should -Invoke Get-CimInstance -ModuleName Orchestrator -Exactly 1 -ParameterFilter { $ClassName -eq 'Win32_Process' -and $Filter -eq 'ProcessId = 4242' }
        }

        It 'says which file is wrong when it holds no number' {
            $file = Join-Path $TestDrive 'empty.pid'
            [System.IO.File]::WriteAllText($file, "`n")
            { InModuleScope Orchestrator -Parameters @{ File = $file } { param($File) Get-OrcLegacyProcess -PidFile $File } } |
                Should -Throw -ExpectedMessage "*empty.pid' holds no process ID*"
        }
    }
}

Describe 'Stop-OrcLegacyProcess on Windows (CIM)' {
    BeforeEach {
        Mock Test-OrcWindows { $true }
        Mock Send-OrcLegacyCloseRequest { } -ModuleName Orchestrator
        Mock Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0; Domain = 'CORP'; User = 'svc-poller' } } -ModuleName Orchestrator -ParameterFilter { $MethodName -eq 'GetOwner' }
        Mock Invoke-CimMethod { $script:Terminated = $true; [pscustomobject]@{ ReturnValue = 0 } } -ModuleName Orchestrator -ParameterFilter { $MethodName -eq 'Terminate' }
        $script:Terminated = $false
        $script:Recorded = [pscustomobject]@{ ProcessId = 4242; StartTime = ([datetime]'2026-11-30T08:00:00Z').ToUniversalTime().ToString('o'); CommandLine = 'python.exe main.py'; Platform = 'Windows' }
    }

    It 'asks the process to close and returns Stopped when it does, without Terminate' {
        $script:Calls = 0
        Mock Get-CimInstance { $script:Calls++; if ($script:Calls -eq 1) { New-FakeProcess 4242 1 'python.exe main.py' 'C:\P\python.exe' } } -ModuleName Orchestrator
        InModuleScope Orchestrator -Parameters @{ P = $Recorded } { param($P) Stop-OrcLegacyProcess -Process $P -Timeout ([timespan]::FromSeconds(5)) } | Should -Be 'Stopped'
        Should -Invoke Send-OrcLegacyCloseRequest -ModuleName Orchestrator -Exactly 1 -ParameterFilter { $ProcessId -eq 4242 }
        Should -Invoke Invoke-CimMethod -ModuleName Orchestrator -Exactly 0 -ParameterFilter { $MethodName -eq 'Terminate' }
        Should -Invoke Get-CimInstance -ModuleName Orchestrator -ParameterFilter { $ClassName -eq 'Win32_Process' -and $Filter -eq 'ProcessId = 4242' }
    }

    It 'terminates the process through CIM after the timeout and returns Killed' {
        Mock Get-CimInstance { if (-not $script:Terminated) { New-FakeProcess 4242 1 'python.exe main.py' 'C:\P\python.exe' } } -ModuleName Orchestrator
        InModuleScope Orchestrator -Parameters @{ P = $Recorded } { param($P) Stop-OrcLegacyProcess -Process $P -Timeout ([timespan]::FromMilliseconds(300)) -WarningAction SilentlyContinue } | Should -Be 'Killed'
        Should -Invoke Invoke-CimMethod -ModuleName Orchestrator -Exactly 1 -ParameterFilter { $MethodName -eq 'Terminate' -and $InputObject.ProcessId -eq 4242 }
    }

    It 'leaves a reused PID alone (another start time) and returns AlreadyStopped' {
        Mock Get-CimInstance { New-FakeProcess 4242 1 'notepad.exe' 'C:\Windows\notepad.exe' '2026-11-30T09:00:00Z' } -ModuleName Orchestrator
        InModuleScope Orchestrator -Parameters @{ P = $Recorded } { param($P) Stop-OrcLegacyProcess -Process $P } | Should -Be 'AlreadyStopped'
        Should -Invoke Send-OrcLegacyCloseRequest -ModuleName Orchestrator -Exactly 0
    }
}

Describe 'Start-OrcLegacyProcess on Windows (CIM)' {
    BeforeEach {
        Mock Test-OrcWindows { $true }
        Mock Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0; Domain = 'CORP'; User = 'svc-poller' } } -ModuleName Orchestrator -ParameterFilter { $MethodName -eq 'GetOwner' }
        Mock Get-CimInstance { New-FakeProcess 9001 1 'C:\Python312\python.exe main.py --loop 30' 'C:\Python312\python.exe' } -ModuleName Orchestrator
        $script:Recorded = [pscustomobject]@{ ProcessId = 4242; CommandLine = 'C:\Python312\python.exe main.py --loop 30'; WorkingDirectory = 'D:\Poller'; Platform = 'Windows' }
    }

    It 'calls Win32_Process.Create with exactly the recorded command line and working directory' {
        Mock Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0; ProcessId = 9001 } } -ModuleName Orchestrator -ParameterFilter { $MethodName -eq 'Create' }
        $started = InModuleScope Orchestrator -Parameters @{ P = $Recorded } { param($P) Start-OrcLegacyProcess -Process $P }
        $started.ProcessId | Should -Be 9001
        Should -Invoke Invoke-CimMethod -ModuleName Orchestrator -Exactly 1 -ParameterFilter {
            $ClassName -eq 'Win32_Process' -and $MethodName -eq 'Create' -and $Arguments.Count -eq 2 -and
            $Arguments['CommandLine'] -ceq 'C:\Python312\python.exe main.py --loop 30' -and $Arguments['CurrentDirectory'] -ceq 'D:\Poller'
        }
        Should -Invoke Get-CimInstance -ModuleName Orchestrator -Exactly 1 -ParameterFilter { $Filter -eq 'ProcessId = 9001' }
    }

    It 'fails with Orc.LegacyStartFailed naming the return value when Create fails' {
        Mock Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 9; ProcessId = $null } } -ModuleName Orchestrator -ParameterFilter { $MethodName -eq 'Create' }
        { InModuleScope Orchestrator -Parameters @{ P = $Recorded } { param($P) Start-OrcLegacyProcess -Process $P } } |
            Should -Throw -ErrorId 'Orc.LegacyStartFailed*' -ExpectedMessage '*returned 9*D:\Poller*'
    }
}
